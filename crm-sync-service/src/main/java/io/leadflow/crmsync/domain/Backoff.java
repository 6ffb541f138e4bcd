package io.leadflow.crmsync.domain;

import java.time.Duration;

/**
 * How long to wait before the next attempt at a CRM write: exponential (doubling from
 * {@code initial}, capped at {@code max}) with "equal jitter" (a random point in the upper half of
 * the step), so writers that failed together do not retry together. A wait the CRM asked for
 * (Retry-After, an exhausted rate-limit window) is a floor: we never come back sooner.
 *
 * @param initial the step after the first failure
 * @param max the longest step
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /**
     * The wait after {@code failures} failed attempts (1 for the first).
     *
     * @param serverHint the wait the CRM asked for, or null
     * @param random a number in [0, 1), the jitter
     */
    public Duration delay(int failures, Duration serverHint, double random) {
        long step = step(failures).toMillis();
        long jittered = step / 2 + (long) (random * (step - step / 2));
        Duration ours = Duration.ofMillis(jittered);
        return serverHint != null && serverHint.compareTo(ours) > 0 ? serverHint : ours;
    }

    /** The un-jittered step: initial * 2^(failures-1), at most max. */
    Duration step(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
