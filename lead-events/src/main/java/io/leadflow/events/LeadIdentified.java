package io.leadflow.events;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An anonymous visitor made known ({@code lead.identified.v1} on {@link Topics#ENGAGEMENT}, keyed
 * by the known lead's key): scoring-service merges the anonymous history into the known lead.
 *
 * @param leadKey the record key: the known lead's normalized email
 * @param email the lead's email
 * @param anonymousId the anonymous id whose history becomes the lead's
 * @param userId the id the customer's own systems give the lead, when sent
 * @param occurredAt when it was identified
 * @param traits what the identify call says about the lead
 */
public record LeadIdentified(
        String leadKey,
        String email,
        String anonymousId,
        String userId,
        Instant occurredAt,
        Map<String, Object> traits) {

    public static final String TYPE = "lead.identified.v1";

    public LeadIdentified {
        traits = JsonMaps.withoutNulls(traits);
    }

    /** The first of its texts that PostgreSQL could not keep, if any ({@link StorableText}). */
    public Optional<StorableText.Flaw> unstorableText() {
        return StorableText.flaw("email", email)
                .or(() -> StorableText.flaw("anonymousId", anonymousId))
                .or(() -> StorableText.flaw("userId", userId))
                .or(() -> StorableText.flaw("traits", traits));
    }
}
