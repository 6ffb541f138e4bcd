package io.leadflow.scoring.domain;

import io.leadflow.events.EngagementType;
import java.time.Instant;

/**
 * Points one rule gave a lead for one engagement: a line of the score ledger, whose lines add up to
 * the score.
 *
 * @param eventId the CloudEvent id of the engagement
 * @param type what the lead did
 * @param ruleId the rule that gave the points
 * @param points the points given
 * @param reason why, in words
 * @param occurredAt when the engagement happened
 */
public record LedgerEntry(String eventId, EngagementType type, String ruleId, int points, String reason, Instant occurredAt) {

    static LedgerEntry of(Engagement engagement, RuleResult result) {
        return new LedgerEntry(engagement.eventId(), engagement.type(), result.ruleId(), result.points(), result.reason(),
                engagement.occurredAt());
    }
}
