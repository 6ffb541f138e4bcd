package io.leadflow.crmsync.domain;

/** What became of a lead in one CRM when it was erased. */
public enum ErasureOutcome {
    /** The CRM deleted the lead's records (or had none left). */
    ERASED,
    /** The CRM did not delete them within the retry budget; the detail says why, an operator must follow up. */
    FAILED,
    /** The CRM is not configured in this service any more, so nothing could be deleted there. */
    SKIPPED
}
