package io.leadflow.events;

import java.time.Instant;

/**
 * A lead's score after the engagements counted for it in one transaction ({@code lead.scored.v1} on
 * {@link Topics#LEAD_SCORES}): scoring counts a polled batch at a time and announces each lead's latest score once
 * per batch, not once per engagement.
 *
 * @param leadId the lead's id in scoring-service
 * @param leadKey the record key
 * @param email the lead's email, when known
 * @param score the engagement score after the change
 * @param delta the points the engagements counted in this change added together
 * @param causeEventId the CloudEvent id of the last engagement counted in this change
 * @param stage the lead's stage after the change
 * @param changedAt when scoring-service counted it
 */
public record LeadScored(
        String leadId,
        String leadKey,
        String email,
        int score,
        int delta,
        String causeEventId,
        LifecycleStage stage,
        Instant changedAt) {

    public static final String TYPE = "lead.scored.v1";
}
