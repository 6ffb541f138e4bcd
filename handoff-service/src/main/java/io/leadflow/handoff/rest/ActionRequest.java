package io.leadflow.handoff.rest;

/**
 * The body of a sales action; may be left out for accept and qualify.
 *
 * @param reasonCode why, such as {@code no-budget} or {@code not-now}; required to reject or recycle
 * @param actor whom a sales-manager or admin acts for; otherwise, and for a sales rep always, the caller is the actor
 */
public record ActionRequest(String reasonCode, String actor) {
}
