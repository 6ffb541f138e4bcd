package io.leadflow.crmsync.domain;

import java.util.List;

/**
 * A lead to erase from one CRM: what the sync ledger knew of it there, read before the ledger is
 * anonymized.
 *
 * @param erasureId the {@code lead.erased.v2} event's id; also the idempotency key of a webhook's erasure notice
 * @param leadId the lead's id in Leadflow
 * @param email the lead's email, when it had one
 * @param externalIds the CRM's ids of the records Leadflow wrote for the lead (none when no write succeeded)
 */
public record ErasedLead(String erasureId, String leadId, String email, List<String> externalIds) {

    public ErasedLead {
        externalIds = externalIds == null ? List.of() : List.copyOf(externalIds);
    }
}
