package io.leadflow.handoff.messaging;

/** The service's messaging channels; topics are named in {@link io.leadflow.events.Topics}. */
public final class Channels {

    /** Lifecycle stage changes from scoring-service ({@code leadflow.lifecycle.v1}). */
    public static final String LIFECYCLE = "lifecycle";

    /** Account scores and stage changes from scoring-service ({@code leadflow.accounts.v1}). */
    public static final String ACCOUNTS = "accounts";

    /** Sales' verdicts from sales tools and from this service ({@code leadflow.sales-feedback.v1}). */
    public static final String SALES_FEEDBACK = "sales-feedback";

    /** Leads erased on request, from scoring-service ({@code leadflow.erasure.v1}). */
    public static final String ERASURE = "erasure";

    private Channels() {
    }
}
