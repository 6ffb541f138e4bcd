package io.leadflow.capture.domain;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import io.leadflow.events.LeadIdentified;
import io.leadflow.events.LeadKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns messages of Segment's HTTP Tracking API into Leadflow events: {@code track} (of any name: a built-in
 * engagement type or a custom one, see {@link SegmentEventNames}, the name kept as sent) and {@code page} into
 * {@link EngagementCaptured} with source {@code api} (flagged when {@code context.userAgent} or {@code context.ip}
 * shows a bot), {@code identify} into {@link LeadIdentified}. {@code messageId} is the event id, so a client's
 * retry is one event. Each message stands alone: a wrong one is reported and leaves the others captured.
 */
public final class SegmentMapper {

    /** The Segment message types capture takes. */
    public enum MessageType {
        TRACK, PAGE, IDENTIFY;

        static Optional<MessageType> of(Object name) {
            for (MessageType type : values()) {
                if (type.name().equalsIgnoreCase(String.valueOf(name))) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    static final String SOURCE = "api";

    private final IdentityRules rules;
    private final Clock clock;
    private final Supplier<String> newEventId;
    private final BotClassifier bots;
    private final SegmentEventNames names;

    public SegmentMapper(IdentityRules rules, Clock clock, Supplier<String> newEventId, BotClassifier bots,
            SegmentEventNames names) {
        this.bots = bots;
        this.names = names;
        this.rules = rules;
        this.clock = clock;
        this.newEventId = newEventId;
    }

    /** Whether any message is an identify: only secret keys may send one. */
    public static boolean identifies(List<RawEvent> messages, Optional<MessageType> implied) {
        return implied.map(type -> type == MessageType.IDENTIFY).orElseGet(() -> messages.stream()
                .anyMatch(raw -> raw.json() instanceof Map<?, ?> fields && "identify".equals(fields.get("type"))));
    }

    /** The event names this mapper reads track names with. */
    public SegmentEventNames names() {
        return names;
    }

    /**
     * The events of the right messages, and every wrong field of the others.
     *
     * @param implied the type the endpoint implies ({@code /v1/track}); empty for a batch, whose
     *     messages say their own {@code type}
     */
    public SegmentMessages map(List<RawEvent> messages, Optional<MessageType> implied) {
        if (messages.isEmpty()) {
            return new SegmentMessages(List.of(), List.of(new FieldError("batch", "must hold at least one message")), 0);
        }
        if (messages.size() > CaptureLimits.MAX_BATCH_EVENTS) {
            return new SegmentMessages(List.of(), List.of(new FieldError("batch",
                    "holds " + messages.size() + " messages, at most " + CaptureLimits.MAX_BATCH_EVENTS + " are allowed")),
                    messages.size());
        }
        Instant now = clock.instant();
        List<OutgoingEvent> events = new ArrayList<>(messages.size());
        List<FieldError> errors = new ArrayList<>();
        int rejected = 0;
        for (RawEvent raw : messages) {
            Optional<OutgoingEvent> event = raw.json() instanceof Map<?, ?> fields
                    ? toEvent(new JsonFields(raw, fields, errors), implied, now).flatMap(mapped -> storable(mapped, raw, errors))
                    : notAnObject(raw, errors);
            event.ifPresent(events::add);
            rejected += event.isEmpty() ? 1 : 0;
        }
        return new SegmentMessages(events, errors, rejected);
    }

    private static Optional<OutgoingEvent> notAnObject(RawEvent raw, List<FieldError> errors) {
        errors.add(new FieldError(raw.path().isEmpty() ? "body" : raw.path(), "must be a JSON object"));
        return Optional.empty();
    }

    // text PostgreSQL cannot keep is this message's fault, not its batch's
    private static Optional<OutgoingEvent> storable(OutgoingEvent event, RawEvent raw, List<FieldError> errors) {
        event.unstorableText().ifPresent(flaw -> errors.add(new FieldError(raw.field(flaw.field()), flaw.problem())));
        return event.unstorableText().isPresent() ? Optional.empty() : Optional.of(event);
    }

    private Optional<OutgoingEvent> toEvent(JsonFields message, Optional<MessageType> implied, Instant now) {
        Optional<MessageType> type = implied.or(() -> MessageType.of(message.get("type")));
        if (type.isEmpty()) {
            message.error("type", "must be track, page or identify");
            return Optional.empty();
        }
        String messageId = message.string("messageId");
        if (messageId != null) {
            rules.idProblem(messageId).ifPresent(problem -> message.error("messageId", problem));
        }
        String id = messageId == null ? newEventId.get() : messageId;
        String anonymousId = message.trimmed("anonymousId");
        if (anonymousId != null) {
            rules.idProblem(anonymousId).ifPresent(problem -> message.error("anonymousId", problem));
        }
        String userId = message.trimmed("userId");
        Instant occurredAt = message.instant("timestamp", now);
        Map<String, Object> context = message.object("context");
        Map<String, Object> traits = type.get() == MessageType.IDENTIFY ? message.object("traits") : JsonFields.objectIn(context, "traits");
        String email = email(userId, traits);
        if (type.get() == MessageType.IDENTIFY) {
            return identify(message, id, email, anonymousId, userId, occurredAt, traits);
        }
        String eventName = type.get() == MessageType.PAGE ? null : eventName(message);
        EngagementType engagement = eventName == null ? EngagementType.PAGE_VIEWED : names.typeOf(eventName);
        if (email == null && anonymousId == null && !message.hasError("anonymousId")) {
            message.error("anonymousId", "an anonymousId, or a userId or traits.email that is an email, is required");
        }
        Map<String, Object> properties = SegmentContext.properties(message.object("properties"), message.string("name"), context);
        if (message.failed()) {
            return Optional.empty();
        }
        CapturedEvent event = new CapturedEvent(id, new EngagementCaptured(LeadKeys.of(email, anonymousId), engagement, email,
                anonymousId, occurredAt, SOURCE, properties, traits, false, null, eventName));
        // the visitor's own user agent and address, as the SDK saw them: the request's are the SDK's
        return Optional.of(bots.classify(event, text(context.get("userAgent")), text(context.get("ip"))));
    }

    private Optional<OutgoingEvent> identify(JsonFields message, String id, String email, String anonymousId, String userId,
            Instant occurredAt, Map<String, Object> traits) {
        if (email == null) {
            message.error("traits.email", "identify needs the lead's email, as traits.email or as a userId that is an email");
        }
        if (anonymousId == null && !message.hasError("anonymousId")) {
            message.error("anonymousId", "identify needs the anonymousId whose history becomes the lead's");
        }
        if (message.failed()) {
            return Optional.empty();
        }
        return Optional.of(new IdentifiedLead(id, new LeadIdentified(LeadKeys.normalizeEmail(email), email, anonymousId,
                userId, occurredAt, traits)));
    }

    /** A track's name, trimmed; an event name has the limits of an id (a name, not a payload). */
    private String eventName(JsonFields message) {
        String event = message.trimmed("event");
        if (event == null || event.isEmpty()) {
            message.error("event", "is required: the name of what happened, such as Demo Requested or Pricing Calculator Used");
            return "";
        }
        rules.idProblem(event).ifPresent(problem -> message.error("event", problem));
        return event;
    }

    private static String text(Object value) {
        return value instanceof String string ? string : null;
    }

    /** The lead's email: the userId when it is one, else traits.email when that is one. */
    private String email(String userId, Map<String, Object> traits) {
        if (userId != null && rules.emailProblem(userId).isEmpty()) {
            return userId;
        }
        return traits.get("email") instanceof String email && rules.emailProblem(email.trim()).isEmpty() ? email.trim() : null;
    }
}
