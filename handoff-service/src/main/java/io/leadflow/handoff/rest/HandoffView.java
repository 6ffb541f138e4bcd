package io.leadflow.handoff.rest;

import io.leadflow.events.Contribution;
import io.leadflow.handoff.domain.HandoffStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A handoff as the API shows it.
 *
 * @param id the handoff id, also the CloudEvent id of its {@code handoff.created.v1} event
 * @param leadId the lead's id in scoring-service
 * @param email the lead's email
 * @param score the lead's score at qualification
 * @param assignee the rep the lead was offered to
 * @param ruleMatched the routing rule that chose the rep
 * @param status where the handoff stands with sales
 * @param slaDueAt when the rep must have accepted the lead
 * @param createdAt when the handoff was made
 * @param topContributions the events that added most to the score, largest first
 */
public record HandoffView(
        UUID id,
        UUID leadId,
        String email,
        int score,
        String assignee,
        String ruleMatched,
        HandoffStatus status,
        Instant slaDueAt,
        Instant createdAt,
        List<Contribution> topContributions) {
}
