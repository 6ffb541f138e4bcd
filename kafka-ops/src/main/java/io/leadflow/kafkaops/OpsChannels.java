package io.leadflow.kafkaops;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** This service's incoming Kafka channels and dead-letter topics, from its configuration. */
@ApplicationScoped
public class OpsChannels {

    private final List<ConsumedChannel> consumed;
    private final List<DeadLetterTopic> deadLetterTopics;

    public OpsChannels(Config config) {
        MessagingConfig messaging = new MessagingConfig(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class));
        consumed = messaging.consumedChannels();
        deadLetterTopics = messaging.deadLetterTopics();
    }

    public List<ConsumedChannel> consumed() {
        return consumed;
    }

    public List<DeadLetterTopic> deadLetterTopics() {
        return deadLetterTopics;
    }

    public Optional<DeadLetterTopic> deadLetterTopic(String topic) {
        return deadLetterTopics.stream().filter(candidate -> candidate.topic().equals(topic)).findFirst();
    }

    String deadLetterTopicNames() {
        return String.join(", ", deadLetterTopics.stream().map(DeadLetterTopic::topic).toList());
    }
}
