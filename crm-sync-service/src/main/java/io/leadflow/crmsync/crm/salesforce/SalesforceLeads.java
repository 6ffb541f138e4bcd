package io.leadflow.crmsync.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.BatchAnswer;
import io.leadflow.crmsync.domain.LeadProfile;
import io.leadflow.crmsync.domain.LeadUpsert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a Lead upsert through sObject Collections
 * ({@code PATCH /services/data/vXX.X/composite/sobjects/Lead/<external id field>}) and of its
 * answer: one UpsertResult per record, in the order sent, each {@code success} with an {@code id}
 * or {@code errors [{statusCode, message, fields}]}.
 */
final class SalesforceLeads {

    private final ObjectMapper json;
    private final CrmConfig.Salesforce config;

    SalesforceLeads(ObjectMapper json, CrmConfig.Salesforce config) {
        this.json = json;
        this.config = config;
    }

    ObjectNode upsertBody(List<LeadUpsert> leads) {
        ObjectNode body = json.createObjectNode();
        // each record stands alone: one bad lead must not roll back the others
        body.put("allOrNone", false);
        ArrayNode records = body.putArray("records");
        for (LeadUpsert lead : leads) {
            ObjectNode record = records.addObject();
            record.putObject("attributes").put("type", "Lead");
            record.put(config.externalIdField(), lead.leadId());
            record.put("Email", lead.email());
            LeadProfile profile = lead.profile();
            // Lead requires LastName and Company: a lead that gave neither gets web-to-lead's placeholder
            record.put("LastName", profile.lastNameOrPlaceholder());
            record.put("Company", profile.companyOrPlaceholder());
            if (profile.firstName() != null) {
                record.put("FirstName", profile.firstName());
            }
            if (profile.jobTitle() != null) {
                record.put("Title", profile.jobTitle());
            }
            record.put("Status", config.leadStatus());
            record.put("LeadSource", "Leadflow");
            String owner = lead.assignee() == null ? null : config.owners().get(lead.assignee());
            if (owner != null) {
                record.put("OwnerId", owner);
            }
        }
        return body;
    }

    /** Results come back in the order the records were sent. */
    BatchAnswer answer(JsonNode results, List<LeadUpsert> batch) {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        for (int i = 0; i < batch.size() && i < results.size(); i++) {
            JsonNode result = results.get(i);
            String handoffId = batch.get(i).handoffId();
            if (result.path("success").asBoolean(false) && result.hasNonNull("id")) {
                ids.put(handoffId, result.get("id").asText());
            } else {
                errors.put(handoffId, describe(result.path("errors")));
            }
        }
        return new BatchAnswer(ids, errors, "salesforce answered no result for the lead");
    }

    /** {@code STATUS_CODE: message [fields]; ...} for Salesforce's error arrays (UpsertResult errors or a whole-call error). */
    static String describe(JsonNode errors) {
        List<String> lines = new ArrayList<>();
        for (JsonNode error : errors) {
            String code = error.hasNonNull("statusCode") ? error.get("statusCode").asText() : error.path("errorCode").asText("ERROR");
            String line = code + ": " + error.path("message").asText("(no message)");
            if (error.path("fields").size() > 0) {
                line += " " + error.get("fields");
            }
            lines.add(line);
        }
        return lines.isEmpty() ? "(no error given)" : String.join("; ", lines);
    }
}
