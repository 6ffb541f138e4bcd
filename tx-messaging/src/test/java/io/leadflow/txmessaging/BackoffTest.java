package io.leadflow.txmessaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @Test
    void theStepDoublesFromInitialUpToMax() {
        assertThat(backoff.step(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.step(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.step(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.step(7)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theStepStaysAtMaxHoweverManyFailures() {
        // Given a step that would pass a long's range if it kept doubling
        Backoff hourly = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1));

        // Then every late step is the cap, never a wrapped-around negative or a shorter one
        assertThat(hourly.step(31)).isEqualTo(Duration.ofHours(1));
        assertThat(hourly.step(64)).isEqualTo(Duration.ofHours(1));
        assertThat(hourly.step(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
        assertThat(hourly.delay(1000, 0.0)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void jitterKeepsTheWaitInTheUpperHalfOfTheStep() {
        // Given the third failure (a 2 s step), when the jitter is lowest, middling and highest
        // Then the waits are 1 s, 1.5 s and just under 2 s
        assertThat(backoff.delay(3, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofMillis(1500));
        assertThat(backoff.delay(3, 0.9999)).isBetween(Duration.ofMillis(1999), Duration.ofSeconds(2));
    }

    @Test
    void theWaitTheOtherSideAskedForIsAFloor() {
        assertThat(backoff.delay(1, Duration.ofSeconds(10), 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(8, Duration.ofSeconds(1), 0.0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(backoff.delay(2, null, 0.0)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesAZeroInitialOrAMaxBelowIt() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
