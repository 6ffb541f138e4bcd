package io.leadflow.handoff.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a rep has to accept an offered lead, counted from when the handoff was made.
 *
 * @param responseTime the time allowed, positive
 */
public record SlaPolicy(Duration responseTime) {

    public SlaPolicy {
        if (responseTime == null || responseTime.isNegative() || responseTime.isZero()) {
            throw new IllegalArgumentException("the SLA response time must be positive: " + responseTime);
        }
    }

    /** When the rep must have accepted a handoff made at {@code createdAt}. */
    public Instant dueAt(Instant createdAt) {
        return createdAt.plus(responseTime);
    }
}
