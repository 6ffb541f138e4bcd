package io.leadflow.handoff.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The handoffs a report covers: made at or after {@code from} and before {@code to}. Each bound is
 * an ISO-8601 instant or a date (its start, UTC); left out, the last 30 days up to now.
 */
record ReportPeriod(Instant from, Instant to) {

    private static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

    static ReportPeriod parse(String from, String to, Instant now) {
        Instant end = to == null || to.isBlank() ? now : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_LENGTH) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("from", "must be before to");
        }
        return new ReportPeriod(start, end);
    }

    private static Instant instant(String field, String value) {
        try {
            return value.contains("T") ? Instant.parse(value.trim()) : LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "is not an ISO-8601 instant or date: " + value);
        }
    }
}
