package io.leadflow.scoring.persistence;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.LeadStanding;
import io.leadflow.scoring.domain.ScoringOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A lead: its score, stage and profile traits. Its ledger is in {@link ScoreEntry}. */
@Entity
@Table(name = "lead")
public class Lead {

    @Id
    private UUID id;

    @Column(name = "lead_key", nullable = false, unique = true)
    private String leadKey;

    private String email;

    @Column(nullable = false)
    private int score;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LifecycleStage stage;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> traits;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Lead() {
    }

    /** A lead seen for the first time, at the standing the lifecycle gives a new lead. */
    public Lead(String leadKey, String email, LeadStanding standing, Instant now) {
        this.id = UUID.randomUUID();
        this.leadKey = leadKey;
        this.email = email;
        this.score = standing.score();
        this.stage = standing.stage();
        this.traits = new LinkedHashMap<>();
        this.createdAt = now;
        this.updatedAt = now;
    }

    public LeadStanding standing() {
        return new LeadStanding(score, stage, email != null);
    }

    /** Takes the score and stage an engagement left the lead with, and its merged traits. */
    public void apply(ScoringOutcome outcome, Map<String, Object> mergedTraits, Instant now) {
        this.score = outcome.score();
        this.stage = outcome.stage();
        this.traits = new LinkedHashMap<>(mergedTraits);
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String leadKey() {
        return leadKey;
    }

    public String email() {
        return email;
    }

    public int score() {
        return score;
    }

    public LifecycleStage stage() {
        return stage;
    }

    public Map<String, Object> traits() {
        return Collections.unmodifiableMap(traits);
    }
}
