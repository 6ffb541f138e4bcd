package io.leadflow.handoff.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/** Adds working time to an instant: only the hours inside someone's working hours count. */
public final class BusinessClock {

    /** A bound on the days searched, so that hours with no working day at all cannot loop forever. */
    private static final int MAX_DAYS = 3660;

    private BusinessClock() {
    }

    /**
     * The instant when {@code amount} of working time has passed since {@code from}. Time before the
     * working day starts, after it ends and on days off does not count; days are the zone's local
     * days, so daylight-saving changes shift the hours as a person would expect.
     */
    public static Instant plusWorkingTime(Instant from, Duration amount, WorkingHours hours) {
        Duration remaining = amount;
        LocalDate day = from.atZone(hours.timeZone()).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!hours.days().contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime opens = day.atTime(hours.start()).atZone(hours.timeZone());
            ZonedDateTime closes = day.atTime(hours.end()).atZone(hours.timeZone());
            Instant segmentStart = from.isAfter(opens.toInstant()) ? from : opens.toInstant();
            if (!segmentStart.isBefore(closes.toInstant())) {
                continue;
            }
            Duration available = Duration.between(segmentStart, closes.toInstant());
            if (remaining.compareTo(available) <= 0) {
                return segmentStart.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalArgumentException("no working time within " + MAX_DAYS + " days: " + hours);
    }
}
