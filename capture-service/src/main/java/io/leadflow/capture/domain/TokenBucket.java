package io.leadflow.capture.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; each request takes
 * one. Thread-safe; time comes from the caller, in nanoseconds, so that tests need no clock.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double perSecond, int burst, long nowNanos) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = nowNanos;
    }

    /** Takes a token; when there is none, how long until there is one. */
    public synchronized Optional<Duration> take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * NANOS_PER_SECOND)));
    }

    /** Whether the bucket is full again: nothing to remember about its client. */
    public synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= burst;
    }

    private void refill(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - refilledAt);
        tokens = Math.min(burst, tokens + elapsed / NANOS_PER_SECOND * perSecond);
        refilledAt = nowNanos;
    }
}
