package io.leadflow.handoff.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The hours someone works, in their own time zone: from {@code start} to {@code end} on each of
 * {@code days}. Used for a rep's availability and for business-hours SLAs.
 *
 * @param timeZone where the hours are counted, such as {@code Europe/London}
 * @param start when the working day starts (inclusive)
 * @param end when it ends (exclusive), after {@code start}
 * @param days the working days; none given means Monday to Friday
 */
public record WorkingHours(ZoneId timeZone, LocalTime start, LocalTime end, Set<DayOfWeek> days) {

    public WorkingHours {
        days = days == null || days.isEmpty() ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : Set.copyOf(days);
    }

    /** Whether {@code instant} falls inside the working hours. */
    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(timeZone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }

    /** Whether the hours are usable: a zone, a start before the end. */
    boolean complete() {
        return timeZone != null && start != null && end != null && start.isBefore(end);
    }
}
