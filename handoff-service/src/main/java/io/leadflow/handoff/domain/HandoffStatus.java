package io.leadflow.handoff.domain;

import io.leadflow.events.SalesAction;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a handoff stands with sales. A new handoff is {@link #OFFERED} to its assignee; the rep
 * accepts it, or qualifies it at once, or rejects or recycles it. Rejected, recycled and qualified
 * are final: a lead that comes back as an MQL gets a new handoff.
 */
public enum HandoffStatus {
    OFFERED,
    ACCEPTED,
    QUALIFIED,
    REJECTED,
    RECYCLED;

    /** The statuses in which a handoff counts against its assignee's capacity. */
    public static final List<HandoffStatus> OPEN = List.of(OFFERED, ACCEPTED);

    private static final Map<HandoffStatus, Set<SalesAction>> ALLOWED = Map.of(
            OFFERED, Set.of(SalesAction.ACCEPTED, SalesAction.QUALIFIED, SalesAction.REJECTED, SalesAction.RECYCLED),
            ACCEPTED, Set.of(SalesAction.QUALIFIED, SalesAction.REJECTED, SalesAction.RECYCLED));

    /**
     * The status after {@code action}.
     *
     * @throws IllegalTransitionException when the action is not allowed from this status
     */
    public HandoffStatus after(SalesAction action) {
        if (!ALLOWED.getOrDefault(this, Set.of()).contains(action)) {
            throw new IllegalTransitionException("a handoff " + name().toLowerCase() + " cannot be " + action.wireName());
        }
        return switch (action) {
            case ACCEPTED -> ACCEPTED;
            case QUALIFIED -> QUALIFIED;
            case REJECTED -> REJECTED;
            case RECYCLED -> RECYCLED;
        };
    }

    /** Whether the handoff still waits for its assignee to accept it (its SLA runs). */
    public boolean awaitsAcceptance() {
        return this == OFFERED;
    }
}
