package io.leadflow.events;

import java.time.Instant;

/**
 * A lead's score after one engagement was counted ({@code lead.scored.v1} on
 * {@link Topics#LEAD_SCORES}).
 *
 * @param leadId the lead's id in scoring-service
 * @param leadKey the record key
 * @param email the lead's email, when known
 * @param score the engagement score after the change
 * @param delta the points the causing event added
 * @param causeEventId the CloudEvent id of the engagement that changed it
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
