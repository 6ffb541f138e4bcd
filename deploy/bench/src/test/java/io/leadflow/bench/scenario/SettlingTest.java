package io.leadflow.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SettlingTest {

    @Test
    void waitsUntilTheLagIsGone() throws Exception {
        AtomicLong lag = new AtomicLong(300);

        Settling.Outcome outcome = Settling.await(() -> Math.max(0, lag.getAndAdd(-100)), Duration.ofSeconds(5), Duration.ofMillis(1));

        assertThat(outcome.lagAtStart()).isEqualTo(300);
        assertThat(outcome.lagAtEnd()).isZero();
    }

    @Test
    void givesUpAfterTheLongestWaitWithTheLagLeft() throws Exception {
        Settling.Outcome outcome = Settling.await(() -> 42, Duration.ofMillis(30), Duration.ofMillis(5));

        assertThat(outcome.lagAtEnd()).isEqualTo(42);
        assertThat(outcome.seconds()).isGreaterThanOrEqualTo(0.03);
    }
}
