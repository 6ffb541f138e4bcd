package io.leadflow.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void a_client_may_send_its_burst_at_once_then_at_its_rate() {
        RateLimiter limiter = new RateLimiter(2, 3, 10, now::get);

        assertThat(limiter.acquire("k")).isEmpty();
        assertThat(limiter.acquire("k")).isEmpty();
        assertThat(limiter.acquire("k")).isEmpty();
        assertThat(limiter.acquire("k")).contains(Duration.ofMillis(500));

        now.addAndGet(Duration.ofMillis(250).toNanos());
        assertThat(limiter.acquire("k")).contains(Duration.ofMillis(250));
        now.addAndGet(Duration.ofMillis(250).toNanos());
        assertThat(limiter.acquire("k")).isEmpty();
        assertThat(limiter.acquire("k")).isPresent();
    }

    @Test
    void clients_are_limited_apart() {
        RateLimiter limiter = new RateLimiter(1, 1, 10, now::get);

        assertThat(limiter.acquire("203.0.113.1")).isEmpty();
        assertThat(limiter.acquire("203.0.113.1")).isPresent();
        assertThat(limiter.acquire("203.0.113.2")).isEmpty();
    }

    @Test
    void idle_clients_are_forgotten_when_room_is_needed_but_busy_ones_are_not() {
        RateLimiter limiter = new RateLimiter(1, 1, 2, now::get);
        limiter.acquire("a");
        limiter.acquire("b");

        now.addAndGet(Duration.ofSeconds(5).toNanos());
        limiter.acquire("b");
        limiter.acquire("c");

        // b is still empty: it was kept, while idle a was forgotten to make room
        assertThat(limiter.acquire("b")).isPresent();
        assertThat(limiter.acquire("a")).isEmpty();
    }

    @Test
    void a_limit_needs_a_rate_and_a_burst() {
        assertThatThrownBy(() -> new RateLimiter(0, 1, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
