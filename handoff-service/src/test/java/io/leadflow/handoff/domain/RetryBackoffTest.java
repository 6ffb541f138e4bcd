package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 6);

    @Test
    void theWaitDoublesAfterEachFailureUpToTheCap() {
        // random 0 is the bottom of the jitter range: half the exponential wait
        assertThat(backoff.delayAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(2, 0.0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(3, 0.0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delayAfter(6, 0.0)).isEqualTo(Duration.ofSeconds(150));
        assertThat(backoff.delayAfter(60, 0.0)).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void jitterSpreadsTheWaitOverItsUpperHalf() {
        assertThat(backoff.delayAfter(2, 0.5)).isEqualTo(Duration.ofSeconds(15));
        assertThat(backoff.delayAfter(2, 0.9999)).isBetween(Duration.ofMillis(19_990), Duration.ofSeconds(20));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(backoff.retriesAfter(5)).isTrue();
        assertThat(backoff.retriesAfter(6)).isFalse();
    }

    @Test
    void refusesAMaximumBelowTheBase() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
