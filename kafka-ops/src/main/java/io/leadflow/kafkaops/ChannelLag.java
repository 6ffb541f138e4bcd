package io.leadflow.kafkaops;

import java.util.Comparator;
import java.util.List;

/** An incoming channel's consumer lag, per partition of its topic and in all. */
public record ChannelLag(String channel, String topic, String group, List<PartitionLag> partitions, long totalLag) {

    public static ChannelLag of(ConsumedChannel channel, List<PartitionLag> partitions) {
        List<PartitionLag> ordered = partitions.stream().sorted(Comparator.comparingInt(PartitionLag::partition)).toList();
        return new ChannelLag(channel.channel(), channel.topic(), channel.group(), ordered,
                ordered.stream().mapToLong(PartitionLag::lag).sum());
    }
}
