package io.leadflow.scoring.domain.model;

import io.leadflow.events.EngagementType;

/**
 * Points for one kind of engagement, optionally only when its properties match {@code when}, and
 * at most {@code cap.max()} times per {@code cap.per()}.
 *
 * @param id the rule's stable id, shown in the ledger
 * @param type the engagement type it scores
 * @param points the points it gives; negative for signals of lost interest
 * @param when conditions on the event's properties, all of which must hold (none: always)
 * @param cap how often it may count in a time window (none: always)
 */
public record EngagementRule(String id, EngagementType type, Integer points, EventCondition when, Cap cap) {
}
