package io.leadflow.capture.domain;

import io.leadflow.events.EngagementType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a public (browser) write key may send: anonymous browser engagement only. Its key is in every
 * page and its origin binding reads headers any client sets, so anyone can use it: it may name no
 * lead (no {@code email}, {@code userId}), set no traits, and record only engagement a visitor's
 * browser shows by itself ({@link #BROWSER_TYPES}, custom engagements included: a product's own events
 * happen in the browser, and an anonymous visitor's are no more forgeable than its page views). Identity
 * comes through form posts and secret keys.
 */
public final class PublicKeyScope {

    /** The engagement types a public key may record. */
    public static final Set<EngagementType> BROWSER_TYPES = EnumSet.of(EngagementType.PAGE_VIEWED, EngagementType.CONTENT_DOWNLOADED,
            EngagementType.CUSTOM);

    private static final String ALLOWED = BROWSER_TYPES.stream().map(EngagementType::wireName).sorted()
            .collect(Collectors.joining(", "));
    private static final String NO_IDENTITY = "a public key sends anonymous engagement only: identify the lead through a "
            + "form post or a server's secret key";

    private PublicKeyScope() {
    }

    /** Every field of native events ({@code /v1/events}) a public key may not send; empty when it may send them all. */
    public static List<FieldError> nativeEvents(List<RawEvent> events, SegmentEventNames names) {
        List<FieldError> errors = new ArrayList<>();
        for (RawEvent event : events) {
            if (event.json() instanceof Map<?, ?> fields) {
                identity(event, fields, "email", errors);
                traits(event, fields, "traits", errors);
                if (fields.get("type") instanceof String type) {
                    Optional<EngagementType> builtIn = EngagementType.fromWireName(type.trim());
                    // a custom event named as a built-in one is that one
                    allowedType(event, "type", builtIn.filter(t -> t == EngagementType.CUSTOM && fields.get("event") instanceof String)
                            .map(custom -> names.typeOf((String) fields.get("event"))).or(() -> builtIn), errors);
                }
            }
        }
        return errors;
    }

    /** Every field of Segment messages a public key may not send; empty when it may send them all. */
    public static List<FieldError> segmentMessages(List<RawEvent> messages, Optional<SegmentMapper.MessageType> implied,
            SegmentEventNames names) {
        List<FieldError> errors = new ArrayList<>();
        for (RawEvent message : messages) {
            if (message.json() instanceof Map<?, ?> fields) {
                identity(message, fields, "userId", errors);
                traits(message, fields, "traits", errors);
                if (fields.get("context") instanceof Map<?, ?> context) {
                    traits(message, context, "context.traits", "traits", errors);
                }
                boolean track = implied.map(type -> type == SegmentMapper.MessageType.TRACK)
                        .orElseGet(() -> "track".equals(fields.get("type")));
                if (track && fields.get("event") instanceof String event) {
                    allowedType(message, "event", Optional.of(names.typeOf(event)), errors);
                }
            }
        }
        return errors;
    }

    private static void identity(RawEvent event, Map<?, ?> fields, String name, List<FieldError> errors) {
        if (fields.get(name) != null) {
            errors.add(new FieldError(event.field(name), NO_IDENTITY));
        }
    }

    private static void traits(RawEvent event, Map<?, ?> fields, String name, List<FieldError> errors) {
        traits(event, fields, name, name, errors);
    }

    /** Traits describe a known lead: a public key may send none (an empty object, as older snippets send, is none). */
    private static void traits(RawEvent event, Map<?, ?> fields, String reported, String name, List<FieldError> errors) {
        Object traits = fields.get(name);
        if (traits != null && !(traits instanceof Map<?, ?> map && map.isEmpty())) {
            errors.add(new FieldError(event.field(reported), "a public key sends no traits: " + NO_IDENTITY));
        }
    }

    /** A known type outside the browser's is refused here; an unknown one is left to validation (400). */
    private static void allowedType(RawEvent event, String name, Optional<EngagementType> type, List<FieldError> errors) {
        if (type.isPresent() && !BROWSER_TYPES.contains(type.get())) {
            errors.add(new FieldError(event.field(name), "a public key may record " + ALLOWED + " only, not "
                    + type.get().wireName() + ": send it from a server with a secret key"));
        }
    }
}
