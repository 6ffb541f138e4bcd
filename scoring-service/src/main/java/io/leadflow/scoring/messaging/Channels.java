package io.leadflow.scoring.messaging;

/** The messaging channels of scoring-service; topics are named in {@link io.leadflow.events.Topics}. */
public final class Channels {

    /** Consumes {@code leadflow.engagement.v1}. */
    public static final String ENGAGEMENT = "engagement";

    /** Consumes {@code leadflow.sales-feedback.v1}. */
    public static final String SALES_FEEDBACK = "sales-feedback";

    /** Consumes scoring's own {@code leadflow.lead-scores.v1}, to roll leads up to their accounts. */
    public static final String LEAD_SCORES = "lead-scores";

    /** Publishes the outbox's rows (lead scores, lifecycle changes and accounts). */
    public static final String OUTBOX = "outbox";

    private Channels() {
    }
}
