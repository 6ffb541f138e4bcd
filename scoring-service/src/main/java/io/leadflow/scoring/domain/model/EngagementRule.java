package io.leadflow.scoring.domain.model;

import io.leadflow.events.EngagementType;

/**
 * Points for one kind of engagement, optionally only when its properties match {@code when}, and
 * at most {@code cap.max()} times per {@code cap.per()}.
 *
 * @param id the rule's stable id, shown in the ledger
 * @param type the engagement type it scores; {@code custom} for engagements of the sender's own naming
 * @param points the points it gives; negative for signals of lost interest
 * @param when conditions on the event's properties, all of which must hold (none: always)
 * @param cap how often it may count in a time window (none: always)
 * @param event the event's name, compared ignoring case: required for a custom type ({@code Pricing Calculator Used}),
 *     optional for a built-in one (a Segment track name, {@code Signed Up}); none: any engagement of the type
 */
public record EngagementRule(String id, EngagementType type, Integer points, EventCondition when, Cap cap, String event) {

    /** A rule on a type, whatever its events are named. */
    public EngagementRule(String id, EngagementType type, Integer points, EventCondition when, Cap cap) {
        this(id, type, points, when, cap, null);
    }
}
