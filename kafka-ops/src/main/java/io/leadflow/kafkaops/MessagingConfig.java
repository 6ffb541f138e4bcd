package io.leadflow.kafkaops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The Kafka channels a service's configuration declares ({@code mp.messaging.incoming.*} and
 * {@code mp.messaging.outgoing.*}), read the way SmallRye Reactive Messaging and Quarkus read them, so the
 * operations API follows the configuration instead of a list kept by hand.
 */
public final class MessagingConfig {

    private static final String INCOMING = "mp.messaging.incoming.";
    private static final String OUTGOING = "mp.messaging.outgoing.";
    private static final String KAFKA = "smallrye-kafka";
    /** DESIGN.md: each consuming channel's dead letters go to {@code <topic>.dlq}; an outgoing channel so named writes some too. */
    private static final String DLQ_SUFFIX = ".dlq";

    private final Set<String> names;
    private final Function<String, Optional<String>> values;

    /**
     * @param names  every configuration property name
     * @param values a property's value, empty when it is not set
     */
    public MessagingConfig(Iterable<String> names, Function<String, Optional<String>> values) {
        this.names = new TreeSet<>();
        names.forEach(this.names::add);
        this.values = values;
    }

    /** The incoming Kafka channels, by name. */
    public List<ConsumedChannel> consumedChannels() {
        List<ConsumedChannel> channels = new ArrayList<>();
        for (String channel : kafkaChannels(INCOMING)) {
            String prefix = INCOMING + channel + ".";
            String topic = values.apply(prefix + "topic").orElse(channel);
            // Quarkus' default group is the application's name
            String group = values.apply(prefix + "group.id").or(() -> values.apply("kafka.group.id"))
                    .or(() -> values.apply("quarkus.application.name")).orElse(channel);
            boolean deadLettered = values.apply(prefix + "failure-strategy").filter("dead-letter-queue"::equals).isPresent();
            // SmallRye's default dead-letter topic name, when the channel names none
            String deadLetterTopic = deadLettered
                    ? values.apply(prefix + "dead-letter-queue.topic").orElse("dead-letter-topic-" + topic) : null;
            channels.add(new ConsumedChannel(channel, topic, group, deadLetterTopic));
        }
        return channels;
    }

    /** The dead-letter topics: those of the incoming channels, then outgoing channels' topics named {@code *.dlq}. */
    public List<DeadLetterTopic> deadLetterTopics() {
        Map<String, DeadLetterTopic> topics = new LinkedHashMap<>();
        for (ConsumedChannel channel : consumedChannels()) {
            if (channel.deadLetterTopic() != null) {
                topics.putIfAbsent(channel.deadLetterTopic(), new DeadLetterTopic(channel.deadLetterTopic(), channel.channel()));
            }
        }
        for (String channel : kafkaChannels(OUTGOING)) {
            String topic = values.apply(OUTGOING + channel + ".topic").orElse(channel);
            if (topic.endsWith(DLQ_SUFFIX)) {
                topics.putIfAbsent(topic, new DeadLetterTopic(topic, channel));
            }
        }
        return List.copyOf(topics.values());
    }

    private List<String> kafkaChannels(String direction) {
        return names.stream()
                .filter(name -> name.startsWith(direction) && name.endsWith(".connector"))
                .filter(name -> values.apply(name).filter(KAFKA::equals).isPresent())
                .map(name -> name.substring(direction.length(), name.length() - ".connector".length()))
                .toList();
    }
}
