package io.leadflow.events;

import java.time.Instant;

/**
 * A reminder that a handoff's SLA is about to lapse ({@code handoff.sla-reminder.v1} on
 * {@link Topics#HANDOFFS}), sent once per assignment.
 *
 * @param handoffId the handoff it is about
 * @param leadId the lead's id in scoring-service
 * @param leadKey the record key
 * @param email the lead's email, when known
 * @param assignee the rep who must act
 * @param slaDueAt when the SLA lapses
 * @param remindedAt when the reminder was sent
 */
public record HandoffSlaReminder(
        String handoffId,
        String leadId,
        String leadKey,
        String email,
        String assignee,
        Instant slaDueAt,
        Instant remindedAt) {

    public static final String TYPE = "handoff.sla-reminder.v1";
}
