package io.leadflow.events;

import java.util.Map;

/** Every Kafka topic of the wire contract. Services and tests name topics only through these. */
public final class Topics {

    public static final String ENGAGEMENT = "leadflow.engagement.v1";
    public static final String LEAD_SCORES = "leadflow.lead-scores.v1";
    public static final String LIFECYCLE = "leadflow.lifecycle.v1";
    public static final String HANDOFFS = "leadflow.handoffs.v1";
    public static final String SALES_FEEDBACK = "leadflow.sales-feedback.v1";
    public static final String CRM_SYNC = "leadflow.crm-sync.v1";
    public static final String ERASURE = "leadflow.erasure.v1";
    public static final String ACCOUNTS = "leadflow.accounts.v1";

    // lead-scores, the feed of each lead's latest score, is compacted as well as aged out, so that an erasure's
    // tombstones make the log cleaner drop the lead's records (deploy/k8s/base/kafka/topics.yaml explains the numbers)
    private static final Map<String, String> COMPACTED_FEED = Map.of(
            "cleanup.policy", "compact,delete",
            "segment.ms", "21600000",
            "max.compaction.lag.ms", "86400000",
            "delete.retention.ms", "86400000");
    private static final Map<String, String> EVENTS = Map.of("cleanup.policy", "delete");

    private Topics() {
    }

    /**
     * How a topic is cleaned up, wherever it is created (deploy/k8s/base/kafka/topics.yaml, deploy/compose.yaml, the
     * local stack, the tests' broker): every record of the others is an event of its own, which compaction would lose.
     */
    public static Map<String, String> cleanup(String topic) {
        return LEAD_SCORES.equals(topic) ? COMPACTED_FEED : EVENTS;
    }

    /** The dead-letter topic of a consumed topic: records that can never be processed go there. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
