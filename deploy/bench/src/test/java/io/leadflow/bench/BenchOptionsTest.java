package io.leadflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void smokeRunsEveryScenarioForAFewSeconds() {
        BenchOptions options = BenchOptions.parse("--smoke");

        assertThat(options.scenarios()).isEqualTo(BenchOptions.ALL);
        assertThat(options.duration()).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(options.warmup()).isZero();
        assertThat(options.backlog()).isLessThan(10_000);
        assertThat(options.writeKey()).isEqualTo("lf_dev_secret");
    }

    @Test
    void takesSeveralFixedRatesAndScenarios() {
        BenchOptions options = BenchOptions.parse("--rate", "500,1000,2000", "--scenario", "capture-single,pipeline", "--duration", "30");

        assertThat(options.rates()).containsExactly(500.0, 1000.0, 2000.0);
        assertThat(options.scenarios()).containsExactly("capture-single", "pipeline");
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.smoke()).isFalse();
    }

    @Test
    void thePipelineWarmsUpForAMinuteUnlessToldOtherwise() {
        assertThat(BenchOptions.parse("--scenario", "pipeline").warmup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(BenchOptions.parse("--scenario", "pipeline", "--warmup", "0").warmup()).isZero();
    }

    @Test
    void refusesAnUnknownScenarioNamingTheKnownOnes() {
        assertThatThrownBy(() -> BenchOptions.parse("--scenario", "capture"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capture-single");
    }
}
