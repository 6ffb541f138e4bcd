package io.leadflow.events;

import java.time.Instant;

/**
 * A handoff not accepted by its SLA due time ({@code handoff.sla-breached.v1} on
 * {@link Topics#HANDOFFS}); it is escalated to {@code escalatedTo} with a new due time.
 *
 * @param handoffId the handoff it is about
 * @param leadId the lead's id in scoring-service
 * @param leadKey the record key
 * @param email the lead's email, when known
 * @param assignee the rep who let the SLA lapse
 * @param escalatedTo who holds the handoff now (the next rep of the queue, or a manager); null when nobody could take it
 * @param slaDueAt the due time that lapsed
 * @param nextSlaDueAt the new assignee's due time; null when not escalated
 * @param breachedAt when the breach was found
 */
public record HandoffSlaBreached(
        String handoffId,
        String leadId,
        String leadKey,
        String email,
        String assignee,
        String escalatedTo,
        Instant slaDueAt,
        Instant nextSlaDueAt,
        Instant breachedAt) {

    public static final String TYPE = "handoff.sla-breached.v1";
}
