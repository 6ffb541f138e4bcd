package io.leadflow.kafkaops;

/**
 * How far a consumer group is behind on one partition.
 *
 * @param committed the group's committed offset, null when it committed none there yet
 * @param end       the partition's end offset (the next record's offset)
 * @param lag       records on the partition the group has not consumed
 */
public record PartitionLag(int partition, Long committed, long end, long lag) {

    /**
     * A partition the group has not committed on is behind by every record still kept there: the services'
     * channels start at the earliest offset ({@code auto.offset.reset=earliest}).
     */
    public static PartitionLag of(int partition, Long committed, long earliest, long end) {
        long from = committed == null ? earliest : committed;
        return new PartitionLag(partition, committed, end, Math.max(0, end - from));
    }
}
