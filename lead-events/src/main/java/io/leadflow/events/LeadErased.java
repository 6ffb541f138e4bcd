package io.leadflow.events;

import java.time.Instant;
import java.util.List;

/**
 * A lead erased on request (GDPR right to erasure; {@code lead.erased.v2} on {@link Topics#ERASURE},
 * keyed by the lead's id). scoring-service, which owns leads, publishes it once it has erased its own
 * data; handoff-service and crm-sync-service erase or anonymize what they hold of the lead, and
 * crm-sync-service deletes it in the connected CRM. It carries no email nor any other key of the lead in
 * the clear (the topic keeps it for 30 days): only the keys' {@link ErasedKeyHash}es, which a service
 * holding the deployment's erasure secret can match against a key it is given, and nobody else can reverse.
 *
 * @param leadId the erased lead's id in scoring-service (the id its lifecycle and handoff events carried)
 * @param keyHashes the {@link ErasedKeyHash} of each of the lead's keys: its own, then the {@code anon:<id>} of
 *        each anonymous visitor merged into it
 * @param requestedBy who asked for the erasure: the operator's token subject
 * @param reason why, as written in the request
 * @param erasedAt when scoring-service erased the lead
 */
public record LeadErased(
        String leadId,
        List<String> keyHashes,
        String requestedBy,
        String reason,
        Instant erasedAt) {

    public static final String TYPE = "lead.erased.v2";

    public LeadErased {
        keyHashes = keyHashes == null ? List.of() : List.copyOf(keyHashes);
    }

    /**
     * Whether an event about a lead key, which happened at {@code occurredAt}, may make or change a lead, given when a lead
     * with that key was erased (null: never). An event from before the erasure, arriving late (a backlog, a replay, a
     * dead letter retried), must not bring the lead back; one that happened after it is about a new lead.
     */
    public static boolean allowsNewLead(Instant erasedAt, Instant occurredAt) {
        return erasedAt == null || occurredAt.isAfter(erasedAt);
    }
}
