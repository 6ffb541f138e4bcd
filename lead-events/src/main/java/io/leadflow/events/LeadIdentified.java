package io.leadflow.events;

import java.time.Instant;
import java.util.Map;

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
}
