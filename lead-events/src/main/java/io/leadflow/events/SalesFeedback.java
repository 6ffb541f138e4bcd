package io.leadflow.events;

import java.time.Instant;

/**
 * Sales' verdict on a handed-off lead ({@code sales.feedback.v1} on {@link Topics#SALES_FEEDBACK}),
 * published by handoff-service for its HTTP actions and by sales tools or crm-sync for work done in
 * a CRM; scoring-service moves the lead's stage accordingly.
 *
 * @param handoffId the handoff it is about
 * @param leadId the lead's id in scoring-service
 * @param leadKey the record key
 * @param email the lead's email, when known
 * @param action what sales did
 * @param reasonCode why, required for {@link SalesAction#REJECTED} and {@link SalesAction#RECYCLED}
 * @param actor who did it (a rep id, or the sales tool)
 * @param occurredAt when it was done
 */
public record SalesFeedback(
        String handoffId,
        String leadId,
        String leadKey,
        String email,
        SalesAction action,
        String reasonCode,
        String actor,
        Instant occurredAt) {

    public static final String TYPE = "sales.feedback.v1";
}
