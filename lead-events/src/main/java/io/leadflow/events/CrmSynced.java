package io.leadflow.events;

import java.time.Instant;

/**
 * A handoff written to a CRM ({@code crm.synced.v1} on {@link Topics#CRM_SYNC}).
 *
 * @param handoffId the handoff that was synced
 * @param leadId the lead's id in scoring-service
 * @param leadKey the record key
 * @param target the CRM adapter that wrote it ({@code webhook}, ...)
 * @param externalId the record's id in the CRM, when it answered one
 * @param syncedAt when the CRM acknowledged it
 */
public record CrmSynced(String handoffId, String leadId, String leadKey, String target, String externalId, Instant syncedAt) {

    public static final String TYPE = "crm.synced.v1";
}
