package io.leadflow.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LagSamplerTest {

    @Test
    void growthIsTheSlopeOfLagOverTime() {
        LagSampler growing = new LagSampler("g", "t");
        LagSampler steady = new LagSampler("g", "t");
        for (int second = 0; second < 3; second++) {
            growing.record(second, 100L * second);
            steady.record(second, second == 1 ? 40 : 50);
        }

        assertThat(growing.growthPerSecond()).isCloseTo(100, within(0.001));
        assertThat(growing.max()).isEqualTo(200);
        assertThat(steady.growthPerSecond()).isCloseTo(0, within(0.001));
    }
}
