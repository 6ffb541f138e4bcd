package io.leadflow.handoff.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the assignee has to accept a lead a rule routed.
 *
 * @param responseTime the time allowed, positive
 * @param businessHours whether only the assignee's (or queue's) working hours count
 */
public record SlaTerms(Duration responseTime, boolean businessHours) {

    public static SlaTerms wallClock(Duration responseTime) {
        return new SlaTerms(responseTime, false);
    }

    /** When a lead handed off at {@code offeredAt} must have been accepted. */
    public Instant dueAt(Instant offeredAt) {
        return offeredAt.plus(responseTime);
    }
}
