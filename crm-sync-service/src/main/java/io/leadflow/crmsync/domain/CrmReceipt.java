package io.leadflow.crmsync.domain;

import java.time.Instant;

/**
 * A CRM's acknowledgement of a lead upsert.
 *
 * @param externalId the lead's record id in the CRM, when it answered one
 * @param acceptedAt when the answer arrived
 */
public record CrmReceipt(String externalId, Instant acceptedAt) {
}
