package io.leadflow.crmsync.rest;

import io.leadflow.crmsync.domain.SyncStatus;
import io.leadflow.crmsync.persistence.SyncRecord;
import java.time.Instant;

/**
 * One handoff's CRM write, as the API shows it.
 *
 * @param handoffId the handoff written
 * @param target the CRM it was written to
 * @param status SYNCED once the CRM took it; RETRYING while attempts fail and are retried; FAILED once the retry budget is spent
 * @param attempts the calls made to the CRM so far
 * @param externalId the lead's record id in the CRM, when it answered one
 * @param lastError why the last failed attempt failed, if one did
 * @param syncedAt when the CRM took it
 */
public record SyncEntry(String handoffId, String target, SyncStatus status, int attempts, String externalId, String lastError,
        Instant syncedAt) {

    static SyncEntry from(SyncRecord record) {
        return new SyncEntry(record.handoffId(), record.target(), record.status(), record.attempts(), record.externalId(),
                record.lastError(), record.syncedAt());
    }
}
