package io.leadflow.crmsync.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A client-side rolling-window limit (HubSpot's burst limit: so many requests per rolling 10
 * seconds), so we slow down before the CRM answers 429. Each request reserves a slot; the answer
 * is how long to wait before sending it. Thread-safe.
 */
public final class RollingWindowLimiter {

    private final int limit;
    private final Duration window;
    private final Deque<Instant> sent = new ArrayDeque<>();

    public RollingWindowLimiter(int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a window limit needs limit >= 1 and a positive window");
        }
        this.limit = limit;
        this.window = window;
    }

    /** Reserves the next slot; answers the wait before the request may go (zero when the window has room). */
    public synchronized Duration reserve(Instant now) {
        while (!sent.isEmpty() && !sent.peekFirst().plus(window).isAfter(now)) {
            sent.pollFirst();
        }
        Instant slot = now;
        if (sent.size() >= limit) {
            // the slot frees when the oldest request we still count leaves the window
            Instant oldest = sent.toArray(Instant[]::new)[sent.size() - limit];
            slot = oldest.plus(window);
        }
        sent.addLast(slot);
        return Duration.between(now, slot);
    }
}
