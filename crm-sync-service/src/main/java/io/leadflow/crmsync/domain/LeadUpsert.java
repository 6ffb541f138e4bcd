package io.leadflow.crmsync.domain;

import io.leadflow.events.Contribution;
import io.leadflow.events.HandoffCreated;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lead as written to a CRM when it is handed to sales: who it is, how it scored and why, who owns
 * it now and by when the owner must act. This is the generic webhook's JSON body.
 *
 * @param event what happened to the lead, {@value #HANDOFF_CREATED}
 * @param handoffId the handoff; also the request's idempotency key
 * @param traits the lead's profile at qualification (firstName, lastName, company, jobTitle, ...)
 */
public record LeadUpsert(
        String event,
        String handoffId,
        String leadId,
        String leadKey,
        String email,
        Map<String, Object> traits,
        int score,
        String assignee,
        String ruleMatched,
        Instant slaDueAt,
        List<Contribution> topContributions) {

    public static final String HANDOFF_CREATED = "handoff.created";

    public LeadUpsert {
        topContributions = topContributions == null ? List.of() : List.copyOf(topContributions);
        // a request recorded before handoffs carried traits has none
        traits = traits == null ? Map.of() : traits;
    }

    /** Who the lead is, as far as its traits say. */
    public LeadProfile profile() {
        return LeadProfile.of(traits);
    }

    public static LeadUpsert of(HandoffCreated handoff) {
        return new LeadUpsert(HANDOFF_CREATED, handoff.handoffId(), handoff.leadId(), handoff.leadKey(), handoff.email(),
                handoff.traits(), handoff.score(), handoff.assignee(), handoff.ruleMatched(), handoff.slaDueAt(), handoff.topContributions());
    }
}
