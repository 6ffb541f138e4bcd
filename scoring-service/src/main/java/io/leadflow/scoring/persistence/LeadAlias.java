package io.leadflow.scoring.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An anonymous id made known: events under it count for the lead. */
@Entity
@Table(name = "lead_alias")
public class LeadAlias {

    @Id
    @Column(name = "anonymous_id")
    private String anonymousId;

    @Column(name = "lead_id", nullable = false)
    private UUID leadId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LeadAlias() {
    }

    LeadAlias(String anonymousId, UUID leadId, Instant createdAt) {
        this.anonymousId = anonymousId;
        this.leadId = leadId;
        this.createdAt = createdAt;
    }

    public String anonymousId() {
        return anonymousId;
    }

    public UUID leadId() {
        return leadId;
    }

    /** Points the anonymous id at another lead: the latest identification wins. */
    void pointTo(UUID leadId) {
        this.leadId = leadId;
    }
}
