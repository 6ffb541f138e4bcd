package io.leadflow.events;

import java.time.Instant;
import java.util.List;

/**
 * A lead erased on request (GDPR right to erasure; {@code lead.erased.v1} on {@link Topics#ERASURE},
 * keyed by the lead key). scoring-service, which owns leads, publishes it once it has erased its own
 * data; handoff-service and crm-sync-service erase or anonymize what they hold of the lead, and
 * crm-sync-service deletes it in the connected CRM.
 *
 * @param leadKey the erased lead's key (its normalized email, or {@code anon:<anonymousId>})
 * @param anonymousIds the anonymous ids that had been merged into the lead, erased with it
 * @param requestedBy who asked for the erasure (an operator or a subject-request ticket)
 * @param reason why, as written in the request
 * @param erasedAt when scoring-service erased the lead
 */
public record LeadErased(
        String leadKey,
        List<String> anonymousIds,
        String requestedBy,
        String reason,
        Instant erasedAt) {

    public static final String TYPE = "lead.erased.v1";

    public LeadErased {
        anonymousIds = anonymousIds == null ? List.of() : List.copyOf(anonymousIds);
    }
}
