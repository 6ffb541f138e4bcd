package io.leadflow.kafkaops;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** A consumer group's lag on a topic: its committed offsets against the partitions' ends (Kafka's admin API). */
@ApplicationScoped
public class ConsumerLagReader {

    private final KafkaOpsClients clients;

    public ConsumerLagReader(KafkaOpsClients clients) {
        this.clients = clients;
    }

    public ChannelLag lag(ConsumedChannel channel) {
        Map<TopicPartition, OffsetAndMetadata> committed = KafkaOpsClients.await(
                clients.admin().listConsumerGroupOffsets(channel.group()).partitionsToOffsetAndMetadata());
        List<PartitionLag> partitions = clients.ranges(channel.topic()).stream()
                .map(range -> {
                    OffsetAndMetadata offset = committed.get(new TopicPartition(channel.topic(), range.partition()));
                    return PartitionLag.of(range.partition(), offset == null ? null : offset.offset(), range.earliest(), range.end());
                })
                .toList();
        return ChannelLag.of(channel, partitions);
    }
}
