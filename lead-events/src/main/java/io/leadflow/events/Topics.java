package io.leadflow.events;

/** Every Kafka topic of the wire contract. Services and tests name topics only through these. */
public final class Topics {

    public static final String ENGAGEMENT = "leadflow.engagement.v1";
    public static final String LEAD_SCORES = "leadflow.lead-scores.v1";
    public static final String LIFECYCLE = "leadflow.lifecycle.v1";
    public static final String HANDOFFS = "leadflow.handoffs.v1";
    public static final String SALES_FEEDBACK = "leadflow.sales-feedback.v1";
    public static final String CRM_SYNC = "leadflow.crm-sync.v1";
    public static final String ERASURE = "leadflow.erasure.v1";

    private Topics() {
    }

    /** The dead-letter topic of a consumed topic: records that can never be processed go there. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
