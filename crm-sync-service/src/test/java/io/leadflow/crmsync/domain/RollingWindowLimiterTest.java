package io.leadflow.crmsync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollingWindowLimiterTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    @Test
    void requestsWithinTheLimitGoAtOnceAndTheNextWaitsForTheWindowToRoll() {
        // Given a limit of 3 requests per 10 s
        RollingWindowLimiter limiter = new RollingWindowLimiter(3, Duration.ofSeconds(10));

        // When 3 go at t0, t0+1 and t0+2, then 2 more at t0+2
        assertThat(limiter.reserve(T0)).isZero();
        assertThat(limiter.reserve(T0.plusSeconds(1))).isZero();
        assertThat(limiter.reserve(T0.plusSeconds(2))).isZero();

        // Then the 4th waits until the first leaves the window (t0+10), the 5th until the second does (t0+11)
        assertThat(limiter.reserve(T0.plusSeconds(2))).isEqualTo(Duration.ofSeconds(8));
        assertThat(limiter.reserve(T0.plusSeconds(2))).isEqualTo(Duration.ofSeconds(9));

        // and once the window has rolled past them all, requests go at once again
        assertThat(limiter.reserve(T0.plusSeconds(30))).isZero();
    }
}
