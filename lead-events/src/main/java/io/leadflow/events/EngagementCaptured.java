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
        String botReason) {

    public static final String TYPE = "engagement.captured.v1";

    public EngagementCaptured {
        properties = JsonMaps.withoutNulls(properties);
        traits = JsonMaps.withoutNulls(traits);
    }

    /** The first of its texts that PostgreSQL could not keep, if any ({@link StorableText}). */
    public Optional<StorableText.Flaw> unstorableText() {
        return StorableText.flaw("email", email)
                .or(() -> StorableText.flaw("anonymousId", anonymousId))
                .or(() -> StorableText.flaw("properties", properties))
                .or(() -> StorableText.flaw("traits", traits));
    }
}
