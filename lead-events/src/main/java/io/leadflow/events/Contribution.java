package io.leadflow.events;

import java.time.Instant;

/**
 * One event's part in a lead's score, as carried to sales: why the lead scored what it did.
 *
 * @param eventId the CloudEvent id of the engagement
 * @param type what the lead did
 * @param rule the scoring rule that gave the points
 * @param points the points it added
 * @param occurredAt when it happened
 */
public record Contribution(String eventId, EngagementType type, String rule, int points, Instant occurredAt) {
}
