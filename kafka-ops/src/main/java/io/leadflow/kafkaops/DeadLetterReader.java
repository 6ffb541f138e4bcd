package io.leadflow.kafkaops;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads records of a dead-letter topic by position: the latest ones, or one by partition and offset. */
@ApplicationScoped
public class DeadLetterReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaOpsClients clients;

    public DeadLetterReader(KafkaOpsClients clients) {
        this.clients = clients;
    }

    /** The latest {@code limit} records of the topic over all its partitions, newest first. */
    public List<ConsumerRecord<byte[], byte[]>> latest(String topic, List<PartitionRange> ranges, int limit) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader()) {
            List<PartitionRange> holding = ranges.stream().filter(range -> range.count() > 0).toList();
            consumer.assign(holding.stream().map(range -> new TopicPartition(topic, range.partition())).toList());
            for (PartitionRange range : holding) {
                TopicPartition partition = new TopicPartition(topic, range.partition());
                consumer.seek(partition, range.startOfLast(limit));
                ends.put(partition, range.end());
            }
            long deadline = System.nanoTime() + KafkaOpsClients.TIMEOUT.toNanos();
            while (!ends.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(read::add);
                ends.keySet().removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            }
        }
        return read.stream()
                .sorted(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> record) -> record.timestamp())
                        .thenComparingLong(ConsumerRecord::offset).reversed())
                .limit(limit)
                .toList();
    }

    /** The record at the offset of the partition, if the topic still holds it. */
    public Optional<ConsumerRecord<byte[], byte[]>> at(String topic, int partition, long offset) {
        Optional<PartitionRange> range = clients.ranges(topic).stream().filter(candidate -> candidate.partition() == partition).findFirst();
        if (range.isEmpty() || !range.get().holds(offset)) {
            return Optional.empty();
        }
        TopicPartition where = new TopicPartition(topic, partition);
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader()) {
            consumer.assign(List.of(where));
            consumer.seek(where, offset);
            long deadline = System.nanoTime() + KafkaOpsClients.TIMEOUT.toNanos();
            while (consumer.position(where) <= offset && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                }
            }
        }
        // a transaction marker, or a record compacted away, sits at that offset
        return Optional.empty();
    }
}
