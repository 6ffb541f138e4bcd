package io.leadflow.crmsync.persistence;

import io.leadflow.crmsync.domain.CrmReceipt;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.domain.SyncStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A handoff's entry in the sync ledger. */
@Entity
@Table(name = "crm_sync")
public class SyncRecord {

    @Id
    @Column(name = "handoff_id")
    private String handoffId;

    @Column(name = "lead_id", nullable = false)
    private String leadId;

    @Column(name = "lead_key", nullable = false)
    private String leadKey;

    @Column(nullable = false)
    private String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SyncStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "synced_at")
    private Instant syncedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The lead as written to the CRM (JSON), kept so an operator can retry a FAILED handoff. */
    @Column(name = "request")
    private String request;

    protected SyncRecord() {
    }

    SyncRecord(LeadUpsert lead, CrmTarget target, String request) {
        this.handoffId = lead.handoffId();
        this.leadId = lead.leadId();
        this.leadKey = lead.leadKey();
        this.target = target.wireName();
        this.request = request;
    }

    void attemptFailed(String error, Instant at) {
        attempts++;
        status = SyncStatus.RETRYING;
        lastError = error;
        updatedAt = at;
    }

    /** The retry budget is spent; the last error says why. */
    void gaveUp(Instant at) {
        status = SyncStatus.FAILED;
        updatedAt = at;
    }

    /** Final: the last error, if any, stays to explain the earlier attempts. */
    void attemptSucceeded(CrmReceipt receipt) {
        attempts++;
        status = SyncStatus.SYNCED;
        externalId = receipt.externalId();
        syncedAt = receipt.acceptedAt();
        updatedAt = receipt.acceptedAt();
    }

    /**
     * Right to erasure: nothing that identifies the person stays (the lead key is its email, the
     * request and an error message may hold it, the CRM record is deleted); the lead id, the target and
     * the counts stay, so the entry still explains what happened.
     */
    void erase() {
        leadKey = "erased:" + leadId;
        request = null;
        lastError = null;
        externalId = null;
    }

    public String handoffId() {
        return handoffId;
    }

    public String leadId() {
        return leadId;
    }

    public String leadKey() {
        return leadKey;
    }

    public String target() {
        return target;
    }

    public SyncStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String externalId() {
        return externalId;
    }

    public String lastError() {
        return lastError;
    }

    public Instant syncedAt() {
        return syncedAt;
    }

    public String request() {
        return request;
    }
}
