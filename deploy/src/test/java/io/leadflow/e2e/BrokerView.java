package io.leadflow.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What a fault test reads from and writes to the broker directly: whole topics, consumer lag, raw records. */
final class BrokerView {

    /** What a rewind did: records to be delivered again, over how many of the topic's partitions. */
    record Rewound(long records, int partitions, int ofPartitions) {
    }

    /** A record as it is on the topic. */
    record Stored(String key, Map<String, String> headers, String value) {

        String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * A consumer group as its coordinator describes it: the assignor it runs, whether it is stable (no
     * rebalance under way) and each member's partitions of a topic.
     */
    record Group(String assignor, boolean stable, Map<String, Set<Integer>> partitionsByMember) {

        /** The one member holding partitions (of a group with a single instance), or null. */
        String soleHolder() {
            List<String> holders = partitionsByMember.entrySet().stream().filter(member -> !member.getValue().isEmpty())
                    .map(Map.Entry::getKey).toList();
            return holders.size() == 1 ? holders.get(0) : null;
        }

        Set<Integer> of(String member) {
            return partitionsByMember.getOrDefault(member, Set.of());
        }

        long holders() {
            return partitionsByMember.values().stream().filter(partitions -> !partitions.isEmpty()).count();
        }

        /** Partitions held, over all members (fewer than the topic has while a cooperative rebalance moves some). */
        int held() {
            return partitionsByMember.values().stream().mapToInt(Set::size).sum();
        }
    }

    private final String bootstrapServers;

    BrokerView(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every record of {@code topic}, from the beginning to the end it has now. */
    List<Stored> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Stored> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    records.add(new Stored(record.key(), headers, record.value()));
                }
            }
        }
        return records;
    }

    /** Writes raw records as they are (no CloudEvent checks): for poison records. */
    void write(String topic, List<Stored> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (Stored stored : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, stored.key(), stored.value());
                stored.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records of {@code topics} that consumer group {@code group} has not committed yet, over every
     * partition (one it never committed on counts from the partition's start).
     */
    long lag(String group, Set<String> topics) {
        return withAdmin("read the lag of " + group, admin -> {
            List<TopicPartition> partitions = partitionsOf(admin, topics);
            Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(admin, group);
            var ends = offsets(admin, partitions, OffsetSpec.latest());
            var starts = offsets(admin, partitions, OffsetSpec.earliest());
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                long position = offset == null ? starts.get(partition).offset() : offset.offset();
                lag += ends.get(partition).offset() - position;
            }
            return lag;
        });
    }

    /** Consumer group {@code group}'s assignor and which partitions of {@code topic} each member holds. */
    Group describe(String group, String topic) {
        return withAdmin("describe " + group, admin -> {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(10, TimeUnit.SECONDS);
            Map<String, Set<Integer>> byMember = new TreeMap<>();
            for (MemberDescription member : description.members()) {
                byMember.put(member.consumerId(), member.assignment().topicPartitions().stream()
                        .filter(partition -> partition.topic().equals(topic)).map(TopicPartition::partition)
                        .collect(Collectors.toCollection(TreeSet::new)));
            }
            return new Group(description.partitionAssignor(), description.groupState() == GroupState.STABLE, byMember);
        });
    }

    /** Whether {@code group} has committed an offset on every partition of {@code topic}. */
    boolean committedEverywhere(String group, String topic) {
        return withAdmin("read the offsets of " + group, admin -> {
            Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(admin, group);
            return partitionsOf(admin, Set.of(topic)).stream().allMatch(committed::containsKey);
        });
    }

    /**
     * Moves consumer group {@code group}'s committed offsets on {@code topic} back to the first record
     * written at or after {@code since}, as an operator replaying would. The group must have no
     * members (stop its consumers first).
     */
    Rewound rewind(String group, String topic, java.time.Instant since) {
        return withAdmin("rewind " + group + " on " + topic, admin -> {
            var found = offsets(admin, partitionsOf(admin, Set.of(topic)), OffsetSpec.forTimestamp(since.toEpochMilli()));
            Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(admin, group);
            Map<TopicPartition, OffsetAndMetadata> rewound = new HashMap<>();
            long again = 0;
            for (var partition : found.entrySet()) {
                OffsetAndMetadata current = committed.get(partition.getKey());
                // -1: no record that recent, nothing to deliver again on this partition
                if (partition.getValue().offset() < 0 || current == null) {
                    continue;
                }
                rewound.put(partition.getKey(), new OffsetAndMetadata(partition.getValue().offset()));
                again += Math.max(0, current.offset() - partition.getValue().offset());
            }
            alterOnceEmpty(admin, group, rewound);
            return new Rewound(again, rewound.size(), found.size());
        });
    }

    /** A piece of work with an admin client, which may block on the broker's answers. */
    private interface AdminWork<T> {
        T apply(Admin admin) throws ExecutionException, java.util.concurrent.TimeoutException, InterruptedException;
    }

    private <T> T withAdmin(String what, AdminWork<T> work) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            return work.apply(admin);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<TopicPartition> partitionsOf(Admin admin, Set<String> topics)
            throws ExecutionException, java.util.concurrent.TimeoutException, InterruptedException {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
        return partitions;
    }

    // partitions the group never committed on are left out
    private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin, String group)
            throws ExecutionException, java.util.concurrent.TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset);
            }
        });
        return committed;
    }

    private static Map<TopicPartition, org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo> offsets(
            Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, java.util.concurrent.TimeoutException, InterruptedException {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> spec)))
                .all().get(10, TimeUnit.SECONDS);
    }

    // a member killed with SIGKILL stays in the group until its session times out (45 s): wait it out
    private static void alterOnceEmpty(Admin admin, String group, Map<TopicPartition, OffsetAndMetadata> offsets)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                boolean stillHasMembers = e.getCause() instanceof org.apache.kafka.common.errors.UnknownMemberIdException
                        || e.getCause() instanceof org.apache.kafka.common.errors.GroupNotEmptyException;
                if (!stillHasMembers || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.SECONDS.sleep(2);
            }
        }
    }
}
