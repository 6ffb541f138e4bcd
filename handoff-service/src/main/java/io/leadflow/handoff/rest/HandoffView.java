package io.leadflow.handoff.rest;

import io.leadflow.events.Contribution;
import io.leadflow.handoff.domain.HandoffStatus;
import io.leadflow.handoff.persistence.ContributionsJson;
import io.leadflow.handoff.persistence.Handoff;
import java.time.Duration;
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
 * @param assignee the rep who holds the lead
 * @param ruleMatched the routing rule that chose the rep
 * @param queue the queue the lead was dealt from; null when the rule named the rep
 * @param status where the handoff stands with sales
 * @param reasonCode why sales rejected or recycled it
 * @param slaDueAt when the rep must have accepted the lead
 * @param createdAt when the handoff was made
 * @param firstActionAt when sales first acted on it; null before
 * @param timeToFirstAction from handoff to first action (ISO-8601); null before
 * @param topContributions the events that added most to the score, largest first
 * @param account for an account's handoff (an MQA), the account (its domain, or crm:&lt;id&gt;); null for a lead's
 */
public record HandoffView(
        UUID id,
        UUID leadId,
        String email,
        int score,
        String assignee,
        String ruleMatched,
        String queue,
        HandoffStatus status,
        String reasonCode,
        Instant slaDueAt,
        Instant createdAt,
        Instant firstActionAt,
        Duration timeToFirstAction,
        List<Contribution> topContributions,
        String account) {

    static HandoffView of(Handoff handoff, ContributionsJson contributions) {
        Duration firstAction = handoff.firstActionAt() == null ? null : Duration.between(handoff.createdAt(), handoff.firstActionAt());
        return new HandoffView(handoff.id(), handoff.leadId(), handoff.email(), handoff.score(), handoff.assignee(),
                handoff.ruleMatched(), handoff.queue(), handoff.status(), handoff.reasonCode(), handoff.slaDueAt(),
                handoff.createdAt(), handoff.firstActionAt(), firstAction, contributions.fromColumn(handoff.topContributions()),
                handoff.account());
    }
}
