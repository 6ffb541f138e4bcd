package io.leadflow.capture.domain;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import io.leadflow.events.LeadKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Checks the events of a native API request ({@code POST /v1/events}) and turns them into
 * {@link EngagementCaptured} events with source {@code api}. One wrong field rejects the request. An engagement of
 * the sender's own naming is {@code "type": "custom"} with its name in {@code event}; a name that is a built-in or
 * mapped one ({@link SegmentEventNames}) is captured as that type, the name kept.
 */
public final class EventValidator {

    static final String SOURCE = "api";
    /** Clients' clocks drift; an event much further ahead is a client bug, not an engagement. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);
    private static final String KNOWN_TYPES = Arrays.stream(EngagementType.values())
            .map(EngagementType::wireName).collect(Collectors.joining(", "));

    private final IdentityRules rules;
    private final Clock clock;
    private final Supplier<String> newEventId;
    private final SegmentEventNames names;

    public EventValidator(IdentityRules rules, Clock clock, Supplier<String> newEventId, SegmentEventNames names) {
        this.names = names;
        this.rules = rules;
        this.clock = clock;
        this.newEventId = newEventId;
    }

    /** The events to capture, or every wrong field of the request. */
    public Validation validate(List<RawEvent> request) {
        if (request.isEmpty()) {
            return Validation.invalid(List.of(new FieldError("events", "must hold at least one event")));
        }
        if (request.size() > CaptureLimits.MAX_BATCH_EVENTS) {
            return Validation.invalid(List.of(new FieldError("events",
                    "holds " + request.size() + " events, at most " + CaptureLimits.MAX_BATCH_EVENTS + " are allowed")));
        }
        Instant now = clock.instant();
        List<CapturedEvent> events = new ArrayList<>(request.size());
        List<FieldError> errors = new ArrayList<>();
        for (RawEvent raw : request) {
            if (raw.json() instanceof Map<?, ?> fields) {
                new EventCheck(raw, fields, errors).toEvent(now).ifPresent(events::add);
            } else {
                errors.add(new FieldError(raw.path().isEmpty() ? "body" : raw.path(), "must be a JSON object"));
            }
        }
        return errors.isEmpty() ? Validation.valid(events) : Validation.invalid(errors);
    }

    /** The checks of one event, collecting its errors into the request's. */
    private final class EventCheck {

        private final RawEvent raw;
        private final Map<?, ?> fields;
        private final List<FieldError> errors;
        private final int errorsBefore;

        EventCheck(RawEvent raw, Map<?, ?> fields, List<FieldError> errors) {
            this.raw = raw;
            this.fields = fields;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        Optional<CapturedEvent> toEvent(Instant now) {
            String eventId = string("eventId");
            if (eventId != null) {
                rules.idProblem(eventId).ifPresent(problem -> error("eventId", problem));
            }
            EngagementType type = type();
            String event = eventName(type);
            if (type == EngagementType.CUSTOM && event != null) {
                type = names.typeOf(event);
            }
            String email = trimmed(string("email"));
            if (email != null) {
                rules.emailProblem(email).ifPresent(problem -> error("email", problem));
            }
            String anonymousId = trimmed(string("anonymousId"));
            if (anonymousId != null) {
                rules.idProblem(anonymousId).ifPresent(problem -> error("anonymousId", problem));
            }
            if (email == null && anonymousId == null && !hasError("email") && !hasError("anonymousId")) {
                error("email", "an email or an anonymousId is required");
            }
            Instant occurredAt = occurredAt(now);
            Map<String, Object> properties = object("properties");
            Map<String, Object> traits = object("traits");
            if (errors.size() > errorsBefore) {
                return Optional.empty();
            }
            EngagementCaptured data = new EngagementCaptured(LeadKeys.of(email, anonymousId), type, email, anonymousId,
                    occurredAt, SOURCE, properties, traits, false, null, event);
            return Optional.of(new CapturedEvent(eventId == null ? newEventId.get() : eventId, data));
        }

        private EngagementType type() {
            Object value = fields.get("type");
            if (value == null) {
                error("type", "is required, one of " + KNOWN_TYPES);
                return null;
            }
            EngagementType type = value instanceof String name ? EngagementType.fromWireName(name).orElse(null) : null;
            if (type == null) {
                error("type", "must be one of " + KNOWN_TYPES);
            }
            return type;
        }

        /** The event's own name: required for a custom one; an event name has the limits of an id. */
        private String eventName(EngagementType type) {
            String event = trimmed(string("event"));
            if (event == null && type == EngagementType.CUSTOM) {
                error("event", "is required for a custom engagement: its name, such as Pricing Calculator Used");
            } else if (event != null) {
                rules.idProblem(event).ifPresent(problem -> error("event", problem));
            }
            return event;
        }

        private Instant occurredAt(Instant now) {
            String text = string("occurredAt");
            if (text == null) {
                return now;
            }
            try {
                Instant instant = Instant.parse(text);
                if (instant.isBefore(Instant.EPOCH) || instant.isAfter(now.plus(MAX_CLOCK_SKEW))) {
                    error("occurredAt", "must lie between 1970 and one day from now");
                }
                return instant;
            } catch (DateTimeParseException e) {
                error("occurredAt", "must be an ISO-8601 instant such as 2026-11-22T10:00:00Z");
                return now;
            }
        }

        /** A string field, or null when absent; records an error when it is not a string. */
        private String string(String name) {
            Object value = fields.get(name);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            error(name, "must be a string");
            return null;
        }

        /**
         * A JSON object field as parsed (its keys are strings), empty when absent: the event drops its null entries
         * as it copies it ({@link EngagementCaptured}), so no copy here.
         */
        @SuppressWarnings("unchecked")
        private Map<String, Object> object(String name) {
            Object value = fields.get(name);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            if (value != null) {
                error(name, "must be a JSON object");
            }
            return Map.of();
        }

        private boolean hasError(String name) {
            String field = raw.field(name);
            return errors.subList(errorsBefore, errors.size()).stream().anyMatch(error -> error.field().equals(field));
        }

        private void error(String name, String message) {
            errors.add(new FieldError(raw.field(name), message));
        }
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
