package io.leadflow.scoring.persistence;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.domain.Engagement;
import io.leadflow.scoring.domain.Identification;
import io.leadflow.scoring.domain.LeadEvent;
import io.leadflow.scoring.domain.RecordedEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored event of a lead's history: an engagement, or an identification when {@code type} is null. */
@Entity
@Table(name = "lead_event")
public class StoredLeadEvent {

    @Id
    @Column(name = "event_id")
    private String eventId;

    // filled by the database (bigserial): the arrival order
    @Column(insertable = false, updatable = false)
    private Long seq;

    @Column(name = "lead_id", nullable = false)
    private UUID leadId;

    @Convert(converter = EngagementTypeConverter.class)
    private EngagementType type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> properties;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> traits;

    @Column(nullable = false)
    private boolean bot;

    @Column(name = "event_name")
    private String eventName;

    @Column(nullable = false)
    private double weight;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected StoredLeadEvent() {
    }

    UUID leadId() {
        return leadId;
    }

    RecordedEvent toRecordedEvent() {
        LeadEvent event = type == null
                ? new Identification(eventId, occurredAt, traits)
                : new Engagement(eventId, type, occurredAt, properties, traits, bot, eventName);
        return new RecordedEvent(event, weight);
    }
}
