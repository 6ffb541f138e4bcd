package io.leadflow.bench.scenario;

import io.leadflow.bench.kafka.KafkaAdmin;
import java.util.ArrayList;
import java.util.List;

/** Lag samples of one consumer group on one topic, and whether the lag kept growing. */
final class LagSampler {

    record Sample(double seconds, long lag) {
    }

    private final String group;
    private final String topic;
    private final List<Sample> samples = new ArrayList<>();

    LagSampler(String group, String topic) {
        this.group = group;
        this.topic = topic;
    }

    String group() {
        return group;
    }

    void sample(KafkaAdmin admin, double seconds) throws Exception {
        record(seconds, admin.lag(group, topic));
    }

    synchronized void record(double seconds, long lag) {
        samples.add(new Sample(seconds, lag));
    }

    synchronized long max() {
        return samples.stream().mapToLong(Sample::lag).max().orElse(0);
    }


    /** The least-squares slope of lag over time, in records a second: near 0 when the group keeps up. */
    synchronized double growthPerSecond() {
        int n = samples.size();
        if (n < 2) {
            return 0;
        }
        double meanT = samples.stream().mapToDouble(Sample::seconds).average().orElse(0);
        double meanLag = samples.stream().mapToDouble(Sample::lag).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Sample sample : samples) {
            covariance += (sample.seconds() - meanT) * (sample.lag() - meanLag);
            variance += (sample.seconds() - meanT) * (sample.seconds() - meanT);
        }
        return variance == 0 ? 0 : covariance / variance;
    }
}
