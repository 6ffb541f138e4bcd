package io.leadflow.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What one load run achieved: accepted requests and events over the measured time, failures, and the
 * latency histogram in microseconds.
 */
public record LoadResult(long requests, long events, long failures, double seconds, Histogram latencyMicros) {

    public double requestsPerSecond() {
        return requests / seconds;
    }

    public double eventsPerSecond() {
        return events / seconds;
    }

    /** A latency percentile in milliseconds. */
    public double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }
}
