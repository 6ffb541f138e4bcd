package io.leadflow.scoring.persistence;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.CountedLead;
import io.leadflow.scoring.domain.DecayedTotal;
import io.leadflow.scoring.domain.HistoryRescorer;
import io.leadflow.scoring.domain.LeadStanding;
import io.leadflow.scoring.domain.RescoreCheckpoint;
import io.leadflow.scoring.domain.ScoringOutcome;
import io.leadflow.scoring.domain.model.Grade;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A lead: its engagement score, fit score and grade, stage and profile traits. Its ledger is in {@link ScoreEntry}. */
@Entity
@Table(name = "lead")
public class Lead implements CountedLead {

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

    @Column(name = "fit_score", nullable = false)
    private int fitScore;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Grade grade;

    @Column(name = "scored_as_of")
    private Instant scoredAsOf;

    // the ledger's decayed sums as of scoredAsOf (DecayedSumsColumn); null for a lead stored before they were kept
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "decayed_sums", columnDefinition = "jsonb")
    private Map<String, Object> decayedSums;

    @Column(nullable = false)
    private int qualifications;

    // where a fresh re-score of its history stands a lag behind its latest event (RescoreCheckpointColumn), or null
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rescore_checkpoint", columnDefinition = "jsonb")
    private Map<String, Object> rescoreCheckpoint;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> traits;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    // advanced by every change of the row, whoever makes it (LeadRows checks it when writing a lead kept in memory)
    @Version
    @Column(nullable = false)
    private long version;

    protected Lead() {
    }

    /** A lead seen for the first time, in the stage the lifecycle gives a new lead. */
    public Lead(String leadKey, String email, LifecycleStage stage, Instant now) {
        this.id = UUID.randomUUID();
        this.leadKey = leadKey;
        this.email = email;
        this.score = 0;
        this.grade = Grade.D;
        this.stage = stage;
        this.traits = new LinkedHashMap<>();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A lead as its row holds it (read by {@link LeadRows}, not managed by a session). */
    static Lead restored(UUID id, String leadKey, String email, int score, LifecycleStage stage, int fitScore, Grade grade,
            Instant scoredAsOf, Map<String, Object> decayedSums, int qualifications, Map<String, Object> rescoreCheckpoint,
            Map<String, Object> traits, Instant createdAt, Instant updatedAt, long version) {
        Lead lead = new Lead();
        lead.id = id;
        lead.leadKey = leadKey;
        lead.email = email;
        lead.score = score;
        lead.stage = stage;
        lead.fitScore = fitScore;
        lead.grade = grade;
        lead.scoredAsOf = scoredAsOf;
        lead.decayedSums = decayedSums;
        lead.qualifications = qualifications;
        lead.rescoreCheckpoint = rescoreCheckpoint;
        lead.traits = traits == null ? new LinkedHashMap<>() : new LinkedHashMap<>(traits);
        lead.createdAt = createdAt;
        lead.updatedAt = updatedAt;
        lead.version = version;
        return lead;
    }

    /**
     * A copy to change, leaving this one as it is: a lead kept in memory changes only once the transaction that wrote
     * the change committed. (The JSON columns' maps are replaced, never changed in place, so they are shared.)
     */
    public Lead copy() {
        return restored(id, leadKey, email, score, stage, fitScore, grade, scoredAsOf, decayedSums, qualifications, rescoreCheckpoint,
                traits, createdAt, updatedAt, version);
    }

    @Override
    public LeadStanding standing() {
        return new LeadStanding(stage, email, traits, scoredAsOf, DecayedSumsColumn.read(decayedSums, scoredAsOf));
    }

    /** Takes the scores, stage and merged traits an engagement left the lead with. */
    public void apply(ScoringOutcome outcome, Instant now) {
        this.score = outcome.score();
        this.fitScore = outcome.fit().score();
        this.grade = outcome.fit().grade();
        this.scoredAsOf = outcome.asOf();
        this.decayedSums = DecayedSumsColumn.of(outcome.decayed());
        if (outcome.stageChanged() && outcome.stage() == LifecycleStage.MQL) {
            qualifications++;
        }
        this.stage = outcome.stage();
        this.traits = new LinkedHashMap<>(outcome.traits());
        this.updatedAt = now;
    }

    /** Where a re-score of its history may start, or null: from the beginning. */
    @Override
    public RescoreCheckpoint rescoreCheckpoint() {
        return RescoreCheckpointColumn.read(rescoreCheckpoint, email);
    }

    /** Keeps {@code checkpoint} (null: none) for the next re-score of its history. */
    public void keep(RescoreCheckpoint checkpoint) {
        this.rescoreCheckpoint = RescoreCheckpointColumn.of(checkpoint);
    }

    /**
     * Takes what scoring its history afresh gave (a late engagement, an identity merge, a model replay), in
     * {@code stage} (see {@link io.leadflow.scoring.domain.LeadScorer#stageAfterRescoring}), and keeps its checkpoint.
     */
    public void rescored(HistoryRescorer.Rescored rescored, LifecycleStage stage, Instant now) {
        this.score = rescored.score();
        this.fitScore = rescored.fit().score();
        this.grade = rescored.fit().grade();
        this.scoredAsOf = rescored.asOf();
        this.decayedSums = DecayedSumsColumn.of(rescored.decayed());
        this.traits = new LinkedHashMap<>(rescored.traits());
        keep(rescored.checkpoint());
        if (stage == LifecycleStage.MQL && this.stage != LifecycleStage.MQL) {
            qualifications++;
        }
        this.stage = stage;
        this.updatedAt = now;
    }

    /** Moves the lead to the stage sales gave it; a recycled lead's score is what its reweighted ledger adds up to. */
    public void moveTo(LifecycleStage stage, int score, Instant now) {
        this.stage = stage;
        this.score = score;
        this.updatedAt = now;
    }

    /** Recycled: it moves to {@code stage} keeping only the share of its points its reweighted ledger adds up to. */
    public void recycle(LifecycleStage stage, DecayedTotal kept, Instant now) {
        this.decayedSums = DecayedSumsColumn.of(kept);
        // its history is reweighted: a checkpoint stands for full-weight events only
        keep(null);
        moveTo(stage, kept == null ? 0 : kept.score(), now);
    }

    /** True when the lead keeps its ledger's decayed sums, so counting an engagement reads only part of the ledger. */
    @Override
    public boolean keepsDecayedSums() {
        return scoredAsOf == null || decayedSums != null;
    }

    /** The row's version this lead was read or last written at. */
    public long version() {
        return version;
    }

    /** Written with the next version (by {@link LeadRows}). */
    void advanceVersion() {
        version++;
    }

    Map<String, Object> decayedSumsColumn() {
        return decayedSums;
    }

    Map<String, Object> rescoreCheckpointColumn() {
        return rescoreCheckpoint;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** How many times the lead became an MQL. */
    public int qualifications() {
        return qualifications;
    }

    @Override
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

    public int fitScore() {
        return fitScore;
    }

    public Grade grade() {
        return grade;
    }

    /** The moment {@link #score()} was computed for, or null before the first engagement counted. */
    public Instant scoredAsOf() {
        return scoredAsOf;
    }

    public LifecycleStage stage() {
        return stage;
    }

    public Map<String, Object> traits() {
        return Collections.unmodifiableMap(traits);
    }

    /** When the lead was first seen, in the stage it started in. */
    public Instant createdAt() {
        return createdAt;
    }
}
