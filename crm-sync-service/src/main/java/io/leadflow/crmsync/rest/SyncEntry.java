package io.leadflow.crmsync.rest;

import io.leadflow.crmsync.domain.ErasureOutcome;
import io.leadflow.crmsync.domain.SyncStatus;
import io.leadflow.crmsync.persistence.ErasureRecord;
import io.leadflow.crmsync.persistence.SyncRecord;
import java.time.Instant;

/**
 * One handoff's CRM write, as the API shows it.
 *
 * @param handoffId the handoff written
 * @param target the CRM it was written to
 * @param status SYNCED once the CRM took it; RETRYING while attempts fail and are retried; FAILED once the retry budget is spent
 * @param attempts the calls made to the CRM so far
 * @param externalId the lead's record id in the CRM, when it answered one (none after an erasure)
 * @param lastError why the last failed attempt failed, if one did
 * @param syncedAt when the CRM took it
 * @param erasure what the lead's erasure did in this CRM, once the lead was erased
 */
public record SyncEntry(String handoffId, String target, SyncStatus status, int attempts, String externalId, String lastError,
        Instant syncedAt, Erasure erasure) {

    /**
     * A lead's erasure in one CRM.
     *
     * @param outcome ERASED (the CRM deleted its records), FAILED (it did not within the retry budget: delete by hand)
     *     or SKIPPED (the CRM is not configured any more)
     * @param detail what was deleted, or why not
     * @param requestedBy who asked for the erasure
     * @param erasedAt when
     */
    public record Erasure(ErasureOutcome outcome, String detail, String requestedBy, Instant erasedAt) {

        static Erasure from(ErasureRecord record) {
            return new Erasure(record.outcome(), record.detail(), record.requestedBy(), record.erasedAt());
        }
    }

    static SyncEntry from(SyncRecord record, ErasureRecord erasure) {
        return new SyncEntry(record.handoffId(), record.target(), record.status(), record.attempts(), record.externalId(),
                record.lastError(), record.syncedAt(), erasure == null ? null : Erasure.from(erasure));
    }
}
