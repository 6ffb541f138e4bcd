package io.leadflow.handoff.domain;

import java.time.Instant;

/**
 * A time a rep is out of office: from {@code from} (inclusive) until {@code until} (exclusive).
 */
public record Absence(Instant from, Instant until) {

    public boolean covers(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(until);
    }
}
