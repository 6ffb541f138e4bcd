package io.leadflow.scoring.domain;

import io.leadflow.events.EngagementType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Points one rule gave a lead for one engagement: a line of the score ledger. The raw points fade
 * with the half-life the model gave them when they were scored; {@link DecayedLedger} turns a ledger
 * into the score as of a moment.
 *
 * @param eventId the CloudEvent id of the engagement
 * @param type what the lead did
 * @param ruleId the rule that gave the points
 * @param points the raw points given, before decay
 * @param reason why, in words
 * @param occurredAt when the engagement happened
 * @param halfLife how fast the points fade, or null when they never do
 * @param modelVersion the scoring model version that gave them
 */
public record LedgerEntry(String eventId, EngagementType type, String ruleId, int points, String reason, Instant occurredAt,
        Duration halfLife, int modelVersion) {

    static LedgerEntry of(Engagement engagement, RuleResult result, Optional<Duration> halfLife, int modelVersion) {
        return new LedgerEntry(engagement.eventId(), engagement.type(), result.ruleId(), result.points(), result.reason(),
                engagement.occurredAt(), halfLife.orElse(null), modelVersion);
    }

    /** The points left at {@code asOf}: halved for each half-life since the engagement (never grown for an earlier asOf). */
    public double decayedAt(Instant asOf) {
        if (halfLife == null || !asOf.isAfter(occurredAt)) {
            return points;
        }
        double halfLives = (double) Duration.between(occurredAt, asOf).toMillis() / halfLife.toMillis();
        return points * Math.pow(0.5, halfLives);
    }
}
