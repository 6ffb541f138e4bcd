package io.leadflow.crmsync.domain;

import io.leadflow.events.Contribution;
import io.leadflow.events.HandoffCreated;
import java.time.Instant;
import java.util.List;

/**
 * A lead as written to a CRM when it is handed to sales: who it is, how it scored and why, who owns
 * it now and by when the owner must act. This is the generic webhook's JSON body.
 *
 * @param event what happened to the lead, {@value #HANDOFF_CREATED}
 * @param handoffId the handoff; also the request's idempotency key
 */
public record LeadUpsert(
        String event,
        String handoffId,
        String leadId,
        String leadKey,
        String email,
        int score,
        String assignee,
        String ruleMatched,
        Instant slaDueAt,
        List<Contribution> topContributions) {

    public static final String HANDOFF_CREATED = "handoff.created";

    public LeadUpsert {
        topContributions = topContributions == null ? List.of() : List.copyOf(topContributions);
    }

    public static LeadUpsert of(HandoffCreated handoff) {
        return new LeadUpsert(HANDOFF_CREATED, handoff.handoffId(), handoff.leadId(), handoff.leadKey(), handoff.email(),
                handoff.score(), handoff.assignee(), handoff.ruleMatched(), handoff.slaDueAt(), handoff.topContributions());
    }
}
