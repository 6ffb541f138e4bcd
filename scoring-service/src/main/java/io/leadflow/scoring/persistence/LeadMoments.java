package io.leadflow.scoring.persistence;

import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A condition on rows of several leads, each from its own moment on: {@code (leadId = :lead0 and occurredAt > :at0) or
 * ...}, with its parameters, so that one statement serves a batch's leads.
 *
 * @param where the condition
 * @param parameters its named parameters
 */
record LeadMoments(String where, Parameters parameters) {

    /** @param comparison how a row's {@code occurredAt} compares with its lead's moment: {@code >} or {@code >=} */
    static LeadMoments of(Map<UUID, Instant> momentByLead, String comparison) {
        StringBuilder where = new StringBuilder();
        Parameters parameters = new Parameters();
        int lead = 0;
        for (Map.Entry<UUID, Instant> moment : momentByLead.entrySet()) {
            where.append(lead == 0 ? "" : " or ")
                    .append("(leadId = :lead").append(lead).append(" and occurredAt ").append(comparison).append(" :at").append(lead).append(')');
            parameters.and("lead" + lead, moment.getKey()).and("at" + lead, moment.getValue());
            lead++;
        }
        return new LeadMoments(where.toString(), parameters);
    }
}
