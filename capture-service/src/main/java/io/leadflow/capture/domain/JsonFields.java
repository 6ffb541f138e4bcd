package io.leadflow.capture.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of one JSON object of a request, each wrong field recorded with its place in the request. */
final class JsonFields {

    /** Clients' clocks drift; an event much further ahead is a client bug, not an engagement. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private final RawEvent raw;
    private final Map<?, ?> fields;
    private final List<FieldError> errors;
    private final int errorsBefore;

    JsonFields(RawEvent raw, Map<?, ?> fields, List<FieldError> errors) {
        this.raw = raw;
        this.fields = fields;
        this.errors = errors;
        this.errorsBefore = errors.size();
    }

    Object get(String name) {
        return fields.get(name);
    }

    /** A string field, or null when absent; records an error when it is not a string. */
    String string(String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        error(name, "must be a string");
        return null;
    }

    /** A string field trimmed, or null when absent or blank. */
    String trimmed(String name) {
        String value = string(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A JSON object field without its null entries; empty when absent. */
    Map<String, Object> object(String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof Map<?, ?>)) {
            error(name, "must be a JSON object");
        }
        return objectIn(fields, name);
    }

    /** An ISO-8601 date-time field (with its offset), from 1970 to one day ahead; {@code now} when absent. */
    Instant instant(String name, Instant now) {
        String text = string(name);
        if (text == null) {
            return now;
        }
        try {
            Instant instant = OffsetDateTime.parse(text.trim()).toInstant();
            if (instant.isBefore(Instant.EPOCH) || instant.isAfter(now.plus(MAX_CLOCK_SKEW))) {
                error(name, "must lie between 1970 and one day from now");
            }
            return instant;
        } catch (DateTimeParseException e) {
            error(name, "must be an ISO-8601 date-time such as 2026-11-22T10:00:00.000Z");
            return now;
        }
    }

    /** The object under {@code name} in {@code object}, without null entries; empty when it is not an object. */
    static Map<String, Object> objectIn(Map<?, ?> object, String name) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (object.get(name) instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> {
                if (entry != null) {
                    copy.put(String.valueOf(key), entry);
                }
            });
        }
        return copy;
    }

    boolean hasError(String name) {
        String field = raw.field(name);
        return errors.subList(errorsBefore, errors.size()).stream().anyMatch(error -> error.field().equals(field));
    }

    boolean failed() {
        return errors.size() > errorsBefore;
    }

    void error(String name, String message) {
        errors.add(new FieldError(raw.field(name), message));
    }
}
