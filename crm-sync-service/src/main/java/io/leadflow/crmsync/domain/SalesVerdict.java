package io.leadflow.crmsync.domain;

import io.leadflow.events.SalesAction;

/**
 * Sales' verdict on a handed-off lead, as read from a change made in a CRM.
 *
 * @param action what sales did
 * @param reasonCode why, for reject and recycle (null otherwise)
 */
public record SalesVerdict(SalesAction action, String reasonCode) {
}
