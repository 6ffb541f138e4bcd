package io.leadflow.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProducerPerformanceRunTest {

    @Test
    void readsTheWholeRunSummaryNotAProgressLine() {
        String output = """
                98701 records sent, 19740.2 records/sec (11.30 MB/sec), 1203.4 ms avg latency, 1830.0 ms max latency.
                200000 records sent, 25316.455696 records/sec (14.48 MB/sec), 1095.07 ms avg latency, 1890.00 ms max latency, \
                1102 ms 50th, 1650 ms 95th, 1812 ms 99th, 1880 ms 99.9th.
                """;

        ProducerPerformanceRun.Result result = ProducerPerformanceRun.parse(output);

        assertThat(result.records()).isEqualTo(200_000);
        assertThat(result.recordsPerSecond()).isEqualTo(25316.455696);
        assertThat(result.megabytesPerSecond()).isEqualTo(14.48);
        assertThat(result.p50Millis()).isEqualTo(1102);
        assertThat(result.p99Millis()).isEqualTo(1812);
        assertThat(result.p999Millis()).isEqualTo(1880);
    }

    @Test
    void saysWhatTheToolPrintedWhenThereIsNoSummary() {
        assertThatThrownBy(() -> ProducerPerformanceRun.parse("Exception in thread main: TimeoutException"))
                .hasMessageContaining("TimeoutException");
    }
}
