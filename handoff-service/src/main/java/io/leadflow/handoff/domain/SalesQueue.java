package io.leadflow.handoff.domain;

import java.util.List;

/**
 * A team that shares leads by weighted round robin.
 *
 * @param name the queue's name
 * @param members the reps and their weights, in dealing order
 * @param manager who gets a lead no member can take, and a breached handoff's escalation of last resort; may be null
 * @param businessHours the team's hours, for business-hours SLAs of leads routed here; may be null
 */
public record SalesQueue(String name, List<QueueMember> members, String manager, WorkingHours businessHours) {

    public SalesQueue {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
