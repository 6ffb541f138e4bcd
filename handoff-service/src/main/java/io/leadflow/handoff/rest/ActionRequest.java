package io.leadflow.handoff.rest;

/**
 * The body of a sales action; may be left out for accept and qualify.
 *
 * @param reasonCode why, such as {@code no-budget} or {@code not-now}; required to reject or recycle
 * @param actor who acts; left out means the handoff's assignee
 */
public record ActionRequest(String reasonCode, String actor) {
}
