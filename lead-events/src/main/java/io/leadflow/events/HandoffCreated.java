package io.leadflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An MQL routed to sales ({@code handoff.created.v1} on {@link Topics#HANDOFFS}): the MQL-to-SQL
 * routing event that sales tools subscribe to.
 *
 * @param handoffId the handoff's id, derived from the qualifying stage change
 * @param leadId the lead's id in scoring-service
 * @param leadKey the record key
 * @param email the lead's email, when known
 * @param traits the lead's profile at qualification (name, company, title, ...), so sales tools and
 *     CRMs can create the record without asking scoring-service
 * @param score the engagement score at qualification
 * @param topContributions the events that added most to the score, largest first
 * @param assignee the rep the lead was routed to
 * @param ruleMatched the routing rule that chose the assignee
 * @param slaDueAt when the rep must have accepted the lead
 * @param qualifyingEventId the CloudEvent id of the stage change that made the lead an MQL
 * @param createdAt when the handoff was made
 */
public record HandoffCreated(
        String handoffId,
        String leadId,
        String leadKey,
        String email,
        Map<String, Object> traits,
        int score,
        List<Contribution> topContributions,
        String assignee,
        String ruleMatched,
        Instant slaDueAt,
        String qualifyingEventId,
        Instant createdAt) {

    public static final String TYPE = "handoff.created.v1";

    public HandoffCreated {
        topContributions = topContributions == null ? List.of() : List.copyOf(topContributions);
        traits = JsonMaps.withoutNulls(traits);
    }
}
