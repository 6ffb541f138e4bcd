package io.leadflow.crmsync.domain;

import java.time.Instant;

/**
 * A handoff taken from {@code leadflow.handoffs.v1}, to be written to the CRM.
 *
 * @param eventId the CloudEvent id that carried it: recorded as processed once the handoff is settled
 * @param lead the lead as the CRM gets it
 * @param payload the record's value as consumed, which the dead-letter topic receives when the CRM never takes it
 * @param handedOffAt when handoff-service made the handoff: a lead erased since is not written
 */
public record ConsumedHandoff(String eventId, LeadUpsert lead, String payload, Instant handedOffAt) {

    public String handoffId() {
        return lead.handoffId();
    }
}
