package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.testsupport.KafkaTopics;
import io.leadflow.testsupport.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scaling out does not stop the instances already running (issue 8): every incoming channel of the
 * consuming services rebalances cooperatively. Two consumers configured as the channel is (its own
 * application.properties) on a real broker: when the second joins the group, the first gives up only
 * the partitions that move to it and keeps reading the others throughout. With Kafka's default
 * (eager range assignment) the first would have every partition revoked first.
 */
class CooperativeRebalancingIT {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

    static Stream<ConsumerChannels.Channel> incomingChannels() {
        Path root = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();
        return Stream.of("scoring-service", "handoff-service", "crm-sync-service")
                .flatMap(service -> ConsumerChannels.of(root.resolve(service)).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incomingChannels")
    void aSecondInstanceJoiningTakesPartitionsWithoutTheFirstGivingUpTheOnesItKeeps(ConsumerChannels.Channel channel) {
        String bootstrap = SharedKafka.bootstrapServers();
        // a topic and group of this test's own, so no other test's records or members take part
        String topic = "rebalance-" + UUID.randomUUID();
        String group = channel.consumer().getProperty(ConsumerConfig.GROUP_ID_CONFIG) + "-" + UUID.randomUUID();
        KafkaTopics.ensure(bootstrap, List.of(topic));

        try (Member first = new Member(channel, bootstrap, group, topic); Member second = new Member(channel, bootstrap, group, topic)) {
            // Given one instance holding every partition
            first.subscribe();
            pollUntil(() -> !first.owned.isEmpty(), first);
            Set<TopicPartition> all = Set.copyOf(first.owned);
            assertThat(all).as("partitions of %s", topic).hasSizeGreaterThan(1);
            first.revoked.clear();

            // When a second instance joins the group
            second.subscribe();
            pollUntil(() -> !second.owned.isEmpty() && first.owned.size() + second.owned.size() == all.size(), first, second);

            // Then the partitions are split between them, and the first gave up exactly those that moved
            assertThat(first.owned).isNotEmpty().doesNotContainAnyElementsOf(second.owned);
            assertThat(union(first.owned, second.owned)).isEqualTo(all);
            assertThat(first.revoked).as("revoked from the first instance (eager rebalancing revokes all of %s)", all)
                    .isEqualTo(second.owned);
        }
    }

    private static Set<TopicPartition> union(Set<TopicPartition> a, Set<TopicPartition> b) {
        Set<TopicPartition> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }

    /** Polls every member in turn (a rebalance completes only while its members poll) until {@code done}. */
    private static void pollUntil(BooleanSupplier done, Member... members) {
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the group settled within %s", JOIN_TIMEOUT).isLessThan(deadline);
            for (Member member : members) {
                member.consumer.poll(Duration.ofMillis(100));
            }
        }
    }

    /** One instance of the channel's consumer, recording what the group gives it and takes from it. */
    private static final class Member implements ConsumerRebalanceListener, AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final String topic;
        private final Set<TopicPartition> owned = new HashSet<>();
        private final Set<TopicPartition> revoked = new HashSet<>();

        Member(ConsumerChannels.Channel channel, String bootstrap, String group, String topic) {
            Properties config = new Properties();
            config.putAll(channel.consumer());
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            config.putIfAbsent(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            this.consumer = new KafkaConsumer<>(config);
            this.topic = topic;
        }

        void subscribe() {
            consumer.subscribe(List.of(topic), this);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            owned.addAll(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            owned.removeAll(partitions);
            revoked.addAll(partitions);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
