package io.leadflow.crmsync.persistence;

import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.ErasureOutcome;
import io.leadflow.events.DeterministicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What one erasure did to one lead in one CRM. */
@Entity
@Table(name = "crm_erasure")
public class ErasureRecord {

    @Id
    private String id;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "lead_id", nullable = false)
    private String leadId;

    @Column(nullable = false)
    private String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ErasureOutcome outcome;

    @Column
    private String detail;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "erased_at", nullable = false)
    private Instant erasedAt;

    protected ErasureRecord() {
    }

    public ErasureRecord(String eventId, String leadId, CrmTarget target, ErasureOutcome outcome, String detail, String requestedBy,
            Instant erasedAt) {
        this.id = DeterministicIds.of(eventId, leadId, target.wireName());
        this.eventId = eventId;
        this.leadId = leadId;
        this.target = target.wireName();
        this.outcome = outcome;
        this.detail = detail;
        this.requestedBy = requestedBy;
        this.erasedAt = erasedAt;
    }

    public String target() {
        return target;
    }

    public ErasureOutcome outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant erasedAt() {
        return erasedAt;
    }
}
