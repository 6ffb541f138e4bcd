package io.leadflow.kafkaops;

/** The offsets a topic partition holds: from {@code earliest} to before {@code end}. */
public record PartitionRange(int partition, long earliest, long end) {

    public long count() {
        return end - earliest;
    }

    public boolean holds(long offset) {
        return offset >= earliest && offset < end;
    }

    /** Where to start reading to get at most the last {@code last} records. */
    public long startOfLast(int last) {
        return Math.max(earliest, end - last);
    }
}
