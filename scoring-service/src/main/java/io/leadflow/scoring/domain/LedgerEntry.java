package io.leadflow.scoring.domain;

import io.leadflow.events.EngagementType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Points one rule gave a lead for one engagement: a line of the score ledger. The raw points, times the weight, fade
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
 * @param weight the share of the points that still counts: 1, less once the lead was recycled
 */
public record LedgerEntry(String eventId, EngagementType type, String ruleId, int points, String reason, Instant occurredAt,
        Duration halfLife, int modelVersion, double weight) {

    /** An entry at full weight. */
    public LedgerEntry(String eventId, EngagementType type, String ruleId, int points, String reason, Instant occurredAt,
            Duration halfLife, int modelVersion) {
        this(eventId, type, ruleId, points, reason, occurredAt, halfLife, modelVersion, 1.0);
    }

    /** This entry with its weight multiplied by {@code factor}. */
    public LedgerEntry reweighted(double factor) {
        return new LedgerEntry(eventId, type, ruleId, points, reason, occurredAt, halfLife, modelVersion, weight * factor);
    }

    static LedgerEntry of(Engagement engagement, RuleResult result, Optional<Duration> halfLife, int modelVersion) {
        return new LedgerEntry(engagement.eventId(), engagement.type(), result.ruleId(), result.points(), result.reason(),
                engagement.occurredAt(), halfLife.orElse(null), modelVersion);
    }

    /** The points left at {@code asOf}: halved for each half-life since the engagement (never grown for an earlier asOf). */
    public double decayedAt(Instant asOf) {
        if (halfLife == null || !asOf.isAfter(occurredAt)) {
            return points * weight;
        }
        double halfLives = (double) Duration.between(occurredAt, asOf).toMillis() / halfLife.toMillis();
        return points * weight * Math.pow(0.5, halfLives);
    }
}
