package io.leadflow.scoring.persistence;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.StageHistory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stage change of a lead's lifecycle history, as read back; {@link StageChangeRepository#record} writes them. */
@Entity
@Table(name = "stage_change")
public class StoredStageChange {

    @Id
    @Column(name = "event_id")
    private String eventId;

    // filled by the database (bigserial): the order among changes of one moment
    @Column(insertable = false, updatable = false)
    private Long seq;

    @Column(name = "lead_id", nullable = false)
    private UUID leadId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage", nullable = false)
    private LifecycleStage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    private LifecycleStage toStage;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "cause_event_id")
    private String causeEventId;

    @Column(nullable = false)
    private String reason;

    protected StoredStageChange() {
    }

    public StageHistory.Change toChange() {
        return new StageHistory.Change(fromStage, toStage, changedAt, causeEventId, reason);
    }
}
