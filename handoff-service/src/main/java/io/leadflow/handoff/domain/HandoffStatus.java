package io.leadflow.handoff.domain;

import java.util.List;

/**
 * Where a handoff stands with sales. A new handoff is {@link #OFFERED} to its assignee.
 */
public enum HandoffStatus {
    OFFERED;

    /** The statuses in which a handoff counts against its assignee's capacity. */
    public static final List<HandoffStatus> OPEN = List.of(OFFERED);
}
