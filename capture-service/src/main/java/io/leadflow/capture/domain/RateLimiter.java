package io.leadflow.capture.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client (a write key, an IP address). Memory stays bounded: past
 * {@code maxClients}, the buckets of clients that are full again (idle) are forgotten.
 */
public final class RateLimiter {

    private final double perSecond;
    private final int burst;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, int burst, int maxClients, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate, a burst of at least 1 and room for clients");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
    }

    /** Lets one request of {@code client} pass; when it is over its limit, how long it should wait. */
    public Optional<Duration> acquire(String client) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(client, key -> new TokenBucket(perSecond, burst, now)).take(now);
    }
}
