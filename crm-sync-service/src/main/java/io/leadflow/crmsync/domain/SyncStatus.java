package io.leadflow.crmsync.domain;

/** Where a handoff's CRM write stands. */
public enum SyncStatus {
    /** The CRM accepted the lead; it is never sent again. */
    SYNCED,
    /** The last attempt failed; the write is being retried. */
    RETRYING,
    /** The retry budget is spent: the handoff went to the dead-letter topic and waits for an operator's retry. */
    FAILED
}
