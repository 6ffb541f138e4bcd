package io.leadflow.crmsync.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Reads how long a CRM wants us to wait from its answer's headers, in this order:
 * <ol>
 * <li>{@code Retry-After}: delta-seconds or an HTTP-date (RFC 9110, section 10.2.3);</li>
 * <li>{@code X-RateLimit-Remaining: 0} with {@code X-RateLimit-Reset}: seconds until the window
 * resets, or (values above 10^9) the reset as unix seconds, as Pipedrive and others send;</li>
 * <li>HubSpot's {@code X-HubSpot-RateLimit-Remaining: 0} with
 * {@code X-HubSpot-RateLimit-Interval-Milliseconds}: wait one window.</li>
 * </ol>
 * Header names are matched case-insensitively by the lookup the caller passes.
 */
public final class RateLimitHints {

    private static final long UNIX_SECONDS_THRESHOLD = 1_000_000_000L;
    private static final Duration LONGEST_HONOURED = Duration.ofHours(1);

    private RateLimitHints() {
    }

    /** The wait the headers ask for, or null when they ask for none (or say something unreadable). */
    public static Duration waitHint(Function<String, String> header, Instant now) {
        Duration retryAfter = retryAfter(header.apply("Retry-After"), now);
        if (retryAfter != null) {
            return capped(retryAfter);
        }
        if (isZero(header.apply("X-RateLimit-Remaining"))) {
            Long reset = number(header.apply("X-RateLimit-Reset"));
            if (reset != null) {
                Duration wait = reset > UNIX_SECONDS_THRESHOLD ? Duration.between(now, Instant.ofEpochSecond(reset))
                        : Duration.ofSeconds(reset);
                return capped(wait.isNegative() ? Duration.ZERO : wait);
            }
        }
        if (isZero(header.apply("X-HubSpot-RateLimit-Remaining"))) {
            Long interval = number(header.apply("X-HubSpot-RateLimit-Interval-Milliseconds"));
            if (interval != null) {
                return capped(Duration.ofMillis(interval));
            }
        }
        return null;
    }

    private static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Long seconds = number(value);
        if (seconds != null) {
            return Duration.ofSeconds(Math.max(0, seconds));
        }
        try {
            Duration wait = Duration.between(now, ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /** A CRM asking for more than an hour is more likely wrong than right; we come back after an hour. */
    private static Duration capped(Duration wait) {
        return wait.compareTo(LONGEST_HONOURED) > 0 ? LONGEST_HONOURED : wait;
    }

    private static boolean isZero(String value) {
        Long number = number(value);
        return number != null && number <= 0;
    }

    private static Long number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
