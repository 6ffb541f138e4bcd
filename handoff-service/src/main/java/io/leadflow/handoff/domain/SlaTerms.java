package io.leadflow.handoff.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the assignee has to accept a lead a rule routed.
 *
 * @param responseTime the time allowed, positive
 * @param businessHours whether only working hours count (the assignee's, else the queue's)
 */
public record SlaTerms(Duration responseTime, boolean businessHours) {

    public static SlaTerms wallClock(Duration responseTime) {
        return new SlaTerms(responseTime, false);
    }

    /**
     * When a lead handed off at {@code offeredAt} must have been accepted.
     *
     * @param hours the working hours that count for business-hours terms; null counts every hour
     */
    public Instant dueAt(Instant offeredAt, WorkingHours hours) {
        return businessHours && hours != null
                ? BusinessClock.plusWorkingTime(offeredAt, responseTime, hours)
                : offeredAt.plus(responseTime);
    }
}
