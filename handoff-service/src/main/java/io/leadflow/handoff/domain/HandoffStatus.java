package io.leadflow.handoff.domain;

/**
 * Where a handoff stands with sales. A new handoff is {@link #OFFERED} to its assignee; sales
 * actions (accept, reject, recycle, convert) add their states when they are built.
 */
public enum HandoffStatus {
    OFFERED
}
