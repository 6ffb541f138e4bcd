package io.leadflow.handoff.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A handoff event as published, kept for webhook deliveries and live streams. Inserting one
 * notifies channel {@code handoff_events} with its id when the transaction commits (a trigger).
 */
@Entity
@Table(name = "handoff_event")
public class HandoffEventRecord extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "lead_key", nullable = false)
    private String leadKey;

    @Column(nullable = false)
    private String type;

    /** The {@link io.leadflow.handoff.domain.HandoffAudience} as JSON; cast as for the handoff's contributions. */
    @Column(nullable = false)
    @ColumnTransformer(read = "audience::text", write = "cast(? as text)::jsonb")
    private String audience;

    /** The event's data exactly as serialized for the topic. */
    @Column(nullable = false)
    private String data;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected HandoffEventRecord() {
    }

    public HandoffEventRecord(String eventId, String leadKey, String type, String audience, String data, Instant createdAt) {
        this.eventId = eventId;
        this.leadKey = leadKey;
        this.type = type;
        this.audience = audience;
        this.data = data;
        this.createdAt = createdAt;
    }
}
