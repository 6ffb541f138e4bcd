package io.leadflow.events;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An engagement accepted by capture-service ({@code engagement.captured.v1} on
 * {@link Topics#ENGAGEMENT}). The CloudEvent id is the event id.
 *
 * @param leadKey the record key: normalized email, or {@code anon:<anonymousId>}
 * @param type what the lead did
 * @param email the lead's email, when known
 * @param anonymousId the visitor's anonymous id, when known
 * @param occurredAt when it happened, as the client says (capture time when it did not say)
 * @param source where it was captured: {@code api} or {@code form:<formId>}
 * @param properties what happened: url, form id, campaign and UTM fields, ...
 * @param traits what the event says about the lead: name, company, job title, ...
 * @param bot true when capture judged it the work of a bot, a scanner or a privacy proxy: it is kept
 *     (never silently dropped) and scores no points
 * @param botReason why it was judged so ({@code user-agent}, {@code email-scanner}, ...), when it was
 * @param event the name the sender gave what happened (a Segment {@code track} name such as {@code Trial Started},
 *     or a custom event's name), as sent; always set when {@code type} is {@link EngagementType#CUSTOM}, null when
 *     the source names none (page views, forms, connectors)
 */
public record EngagementCaptured(
        String leadKey,
        EngagementType type,
        String email,
        String anonymousId,
        Instant occurredAt,
        String source,
        Map<String, Object> properties,
        Map<String, Object> traits,
        boolean bot,
        String botReason,
        String event) {

    public static final String TYPE = "engagement.captured.v1";

    /** The longest event name kept: a name, not a payload. */
    public static final int MAX_EVENT_NAME_LENGTH = 200;

    public EngagementCaptured {
        properties = JsonMaps.withoutNulls(properties);
        traits = JsonMaps.withoutNulls(traits);
    }

    /** An engagement whose source names no event: a built-in type says all. */
    public EngagementCaptured(String leadKey, EngagementType type, String email, String anonymousId, Instant occurredAt,
            String source, Map<String, Object> properties, Map<String, Object> traits, boolean bot, String botReason) {
        this(leadKey, type, email, anonymousId, occurredAt, source, properties, traits, bot, botReason, null);
    }

    /** The first of its texts that PostgreSQL could not keep, if any ({@link StorableText}). */
    public Optional<StorableText.Flaw> unstorableText() {
        return StorableText.flaw("email", email)
                .or(() -> StorableText.flaw("anonymousId", anonymousId))
                .or(() -> StorableText.flaw("event", event))
                .or(() -> StorableText.flaw("properties", properties))
                .or(() -> StorableText.flaw("traits", traits));
    }
}
