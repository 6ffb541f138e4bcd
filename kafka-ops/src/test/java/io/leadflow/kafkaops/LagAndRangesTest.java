package io.leadflow.kafkaops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LagAndRangesTest {

    private static final ConsumedChannel CHANNEL = new ConsumedChannel("engagement", "leadflow.engagement.v1", "scoring-service", null);

    @Test
    void lag_is_what_lies_between_the_committed_offset_and_the_end() {
        assertThat(PartitionLag.of(0, 40L, 10, 45)).isEqualTo(new PartitionLag(0, 40L, 45, 5));
    }

    @Test
    void a_partition_without_a_commit_is_behind_by_every_record_it_keeps() {
        assertThat(PartitionLag.of(1, null, 10, 45)).isEqualTo(new PartitionLag(1, null, 45, 35));
    }

    @Test
    void a_channel_sums_its_partitions_in_partition_order() {
        ChannelLag lag = ChannelLag.of(CHANNEL, List.of(PartitionLag.of(2, 5L, 0, 7), PartitionLag.of(0, 3L, 0, 3)));

        assertThat(lag.partitions()).extracting(PartitionLag::partition).containsExactly(0, 2);
        assertThat(lag.totalLag()).isEqualTo(2);
        assertThat(lag.group()).isEqualTo("scoring-service");
    }

    @Test
    void a_range_reads_its_last_records_no_further_back_than_it_holds() {
        PartitionRange range = new PartitionRange(0, 90, 100);

        assertThat(range.count()).isEqualTo(10);
        assertThat(range.startOfLast(3)).isEqualTo(97);
        assertThat(range.startOfLast(20)).isEqualTo(90);
        assertThat(range.holds(89)).isFalse();
        assertThat(range.holds(99)).isTrue();
        assertThat(range.holds(100)).isFalse();
    }
}
