package io.leadflow.kafkaops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessagingConfigTest {

    private final Map<String, String> properties = new LinkedHashMap<>();

    private MessagingConfig config() {
        return new MessagingConfig(properties.keySet(), name -> Optional.ofNullable(properties.get(name)));
    }

    @Test
    void an_incoming_kafka_channel_is_read_with_its_topic_group_and_dead_letter_topic() {
        properties.put("quarkus.application.name", "crm-sync-service");
        properties.put("mp.messaging.incoming.handoffs.connector", "smallrye-kafka");
        properties.put("mp.messaging.incoming.handoffs.topic", "leadflow.handoffs.v1");
        properties.put("mp.messaging.incoming.handoffs.group.id", "crm-sync");
        properties.put("mp.messaging.incoming.handoffs.failure-strategy", "dead-letter-queue");
        properties.put("mp.messaging.incoming.handoffs.dead-letter-queue.topic", "leadflow.handoffs.v1.dlq");

        assertThat(config().consumedChannels())
                .containsExactly(new ConsumedChannel("handoffs", "leadflow.handoffs.v1", "crm-sync", "leadflow.handoffs.v1.dlq"));
    }

    @Test
    void defaults_are_smallrye_s_and_quarkus_own() {
        // given a channel that names neither topic, group nor dead-letter topic
        properties.put("quarkus.application.name", "scoring-service");
        properties.put("mp.messaging.incoming.engagement.connector", "smallrye-kafka");
        properties.put("mp.messaging.incoming.engagement.failure-strategy", "dead-letter-queue");
        properties.put("mp.messaging.incoming.feedback.connector", "smallrye-kafka");
        properties.put("mp.messaging.incoming.feedback.failure-strategy", "fail");

        assertThat(config().consumedChannels()).containsExactly(
                new ConsumedChannel("engagement", "engagement", "scoring-service", "dead-letter-topic-engagement"),
                new ConsumedChannel("feedback", "feedback", "scoring-service", null));
    }

    @Test
    void channels_of_other_connectors_and_outgoing_ones_are_not_consumed_channels() {
        properties.put("mp.messaging.incoming.ticks.connector", "smallrye-in-memory");
        properties.put("mp.messaging.outgoing.outbox.connector", "smallrye-kafka");

        assertThat(config().consumedChannels()).isEmpty();
    }

    @Test
    void dead_letter_topics_are_the_channels_then_outgoing_topics_named_dlq() {
        properties.put("mp.messaging.incoming.handoffs.connector", "smallrye-kafka");
        properties.put("mp.messaging.incoming.handoffs.topic", "leadflow.handoffs.v1");
        properties.put("mp.messaging.incoming.handoffs.failure-strategy", "dead-letter-queue");
        properties.put("mp.messaging.incoming.handoffs.dead-letter-queue.topic", "leadflow.handoffs.v1.dlq");
        properties.put("mp.messaging.outgoing.outbox.connector", "smallrye-kafka");
        properties.put("mp.messaging.outgoing.outbox.topic", "leadflow.crm-sync.v1");
        properties.put("mp.messaging.outgoing.crm-dead-letters.connector", "smallrye-kafka");
        properties.put("mp.messaging.outgoing.crm-dead-letters.topic", "leadflow.crm-sync.v1.dlq");

        assertThat(config().deadLetterTopics()).containsExactly(
                new DeadLetterTopic("leadflow.handoffs.v1.dlq", "handoffs"),
                new DeadLetterTopic("leadflow.crm-sync.v1.dlq", "crm-dead-letters"));
    }
}
