package io.leadflow.handoff.domain;

import java.time.Duration;

/**
 * How long to wait before the next attempt of something that failed: exponential growth from
 * {@code base}, capped at {@code max}, with "equal jitter" (a random half of the wait), so that
 * receivers coming back from an outage are not hit by every retry at the same moment.
 *
 * @param base the wait after the first failure, before jitter
 * @param max the longest wait, before jitter
 * @param maxAttempts attempts in all; after the last one fails the delivery is given up
 */
public record RetryBackoff(Duration base, Duration max, int maxAttempts) {

    public RetryBackoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max and at least one attempt: " + base + ", " + max + ", " + maxAttempts);
        }
    }

    /** Whether another attempt follows {@code attemptsMade} failed ones. */
    public boolean retriesAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /**
     * The wait after {@code attemptsMade} (at least 1) failed attempts.
     *
     * @param random a uniform random number in [0, 1): the jitter
     */
    public Duration delayAfter(int attemptsMade, double random) {
        Duration capped = max;
        // doubling from base; stop early so the shift cannot overflow
        if (attemptsMade - 1 < 32 && base.toMillis() << (attemptsMade - 1) < max.toMillis()) {
            capped = Duration.ofMillis(base.toMillis() << (attemptsMade - 1));
        }
        long half = capped.toMillis() / 2;
        return Duration.ofMillis(half + (long) (random * (capped.toMillis() - half)));
    }
}
