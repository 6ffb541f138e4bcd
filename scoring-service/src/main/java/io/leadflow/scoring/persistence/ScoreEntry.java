package io.leadflow.scoring.persistence;

import io.leadflow.events.EngagementType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A stored line of a lead's score ledger, keyed as the ledger is read: by lead, then time, event and rule. */
@Entity
@Table(name = "score_entry")
@IdClass(ScoreEntry.Key.class)
public class ScoreEntry {

    /** The ledger's primary key. */
    public record Key(UUID leadId, Instant occurredAt, String eventId, String rule) implements Serializable {
    }

    @Id
    @Column(name = "lead_id", nullable = false)
    private UUID leadId;

    @Id
    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Id
    @Column(nullable = false)
    private String rule;

    @Convert(converter = EngagementTypeConverter.class)
    @Column(nullable = false)
    private EngagementType type;

    @Column(nullable = false)
    private int points;

    @Column(nullable = false)
    private String reason;

    @Id
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "half_life_seconds")
    private Long halfLifeSeconds;

    @Column(name = "model_version", nullable = false)
    private int modelVersion;

    @Column(nullable = false)
    private double weight;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected ScoreEntry() {
    }
}
