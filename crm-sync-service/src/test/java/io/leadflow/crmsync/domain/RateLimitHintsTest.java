package io.leadflow.crmsync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RateLimitHintsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

    @Test
    void retryAfterInSeconds() {
        assertThat(hint(Map.of("Retry-After", "7"))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDate() {
        assertThat(hint(Map.of("Retry-After", "Mon, 23 Nov 2026 06:00:30 GMT"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(hint(Map.of("Retry-After", "Mon, 23 Nov 2026 05:59:00 GMT"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void exhaustedWindowWithResetInSecondsOrAsUnixTime() {
        assertThat(hint(Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "2"))).isEqualTo(Duration.ofSeconds(2));
        assertThat(hint(Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", Long.toString(NOW.getEpochSecond() + 12))))
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(hint(Map.of("X-RateLimit-Remaining", "5", "X-RateLimit-Reset", "2"))).isNull();
    }

    @Test
    void hubSpotsExhaustedWindowMeansWaitOneInterval() {
        assertThat(hint(Map.of("X-HubSpot-RateLimit-Remaining", "0", "X-HubSpot-RateLimit-Interval-Milliseconds", "10000")))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(hint(Map.of("X-HubSpot-RateLimit-Remaining", "42", "X-HubSpot-RateLimit-Interval-Milliseconds", "10000"))).isNull();
    }

    @Test
    void retryAfterWinsAndNonsenseIsIgnoredOrCapped() {
        assertThat(hint(Map.of("Retry-After", "3", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "50"))).isEqualTo(Duration.ofSeconds(3));
        assertThat(hint(Map.of("Retry-After", "soon"))).isNull();
        assertThat(hint(Map.of())).isNull();
        assertThat(hint(Map.of("Retry-After", "86400"))).isEqualTo(Duration.ofHours(1));
    }

    private static Duration hint(Map<String, String> headers) {
        Map<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        return RateLimitHints.waitHint(caseInsensitive::get, NOW);
    }
}
