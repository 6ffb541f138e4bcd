package io.leadflow.txmessaging;

import java.time.Duration;

/**
 * How long to wait before the next attempt of something that failed (a webhook delivery, a CRM
 * write): exponential, doubling from {@code initial} up to {@code max}, with "equal jitter" (a
 * random point in the upper half of the step), so senders that failed together do not come back
 * together. A wait the other side asked for (Retry-After) is a floor: never sooner than that.
 *
 * @param initial the step after the first failure
 * @param max the longest step
 */
public record Backoff(Duration initial, Duration max) {

    /** Past this many doublings every step is {@code max} anyway (a positive millisecond count has 63 bits). */
    private static final int MAX_DOUBLINGS = 30;

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /**
     * The wait after {@code failures} failed attempts (1 for the first).
     *
     * @param random a uniform number in [0, 1): the jitter
     */
    public Duration delay(int failures, double random) {
        long step = step(failures).toMillis();
        long half = step / 2;
        return Duration.ofMillis(half + (long) (random * (step - half)));
    }

    /**
     * The wait after {@code failures} failed attempts, but never less than {@code asked}.
     *
     * @param asked the wait the other side asked for, or null
     * @param random a uniform number in [0, 1): the jitter
     */
    public Duration delay(int failures, Duration asked, double random) {
        Duration ours = delay(failures, random);
        return asked != null && asked.compareTo(ours) > 0 ? asked : ours;
    }

    /** The step before jitter: {@code initial * 2^(failures - 1)}, at most {@code max}. */
    public Duration step(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, MAX_DOUBLINGS));
        long millis = initial.toMillis() << doublings;
        return millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
