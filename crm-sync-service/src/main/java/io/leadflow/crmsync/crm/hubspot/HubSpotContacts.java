package io.leadflow.crmsync.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.domain.LeadProfile;
import io.leadflow.crmsync.domain.LeadUpsert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON of HubSpot's contacts batch upsert (CRM v3 objects API): one input per lead, identified
 * by {@code idProperty: email}, carrying the lifecycle stage and owner, and the handoff id as
 * {@code objectWriteTraceId} so results and errors can be matched to their lead. Reading the answer
 * matches results by that trace id, or else by email.
 */
final class HubSpotContacts {

    /** HubSpot's internal value of the MQL lifecycle stage: a handoff is made when a lead becomes an MQL. */
    static final String MQL_STAGE = "marketingqualifiedlead";

    private final ObjectMapper json;
    private final CrmConfig.HubSpot config;

    HubSpotContacts(ObjectMapper json, CrmConfig.HubSpot config) {
        this.json = json;
        this.config = config;
    }

    ObjectNode batchUpsertBody(List<LeadUpsert> leads) {
        ObjectNode body = json.createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        for (LeadUpsert lead : leads) {
            ObjectNode input = inputs.addObject();
            input.put("idProperty", "email");
            input.put("id", lead.email());
            input.put("objectWriteTraceId", lead.handoffId());
            ObjectNode properties = input.putObject("properties");
            properties.put("email", lead.email());
            properties.put("lifecyclestage", MQL_STAGE);
            putProfile(properties, lead.profile());
            String owner = lead.assignee() == null ? null : config.owners().get(lead.assignee());
            if (owner != null) {
                properties.put("hubspot_owner_id", owner);
            }
            config.scoreProperty().ifPresent(property -> properties.put(property, Integer.toString(lead.score())));
        }
        return body;
    }

    /** HubSpot's default contact properties; a trait the lead did not give is left out, so it never blanks what sales typed. */
    private static void putProfile(ObjectNode properties, LeadProfile profile) {
        putIfKnown(properties, "firstname", profile.firstName());
        putIfKnown(properties, "lastname", profile.lastName());
        putIfKnown(properties, "company", profile.company());
        putIfKnown(properties, "jobtitle", profile.jobTitle());
    }

    private static void putIfKnown(ObjectNode properties, String name, String value) {
        if (value != null) {
            properties.put(name, value);
        }
    }

    /** The contact id HubSpot answered for each handoff of the batch, by handoff id. */
    Map<String, String> contactIds(JsonNode answer, List<LeadUpsert> batch) {
        Map<String, String> byEmail = handoffsByEmail(batch);
        Map<String, String> ids = new HashMap<>();
        for (JsonNode result : answer.path("results")) {
            String handoffId = result.hasNonNull("objectWriteTraceId") ? result.get("objectWriteTraceId").asText()
                    : byEmail.get(normalized(result.path("properties").path("email").asText(null)));
            if (handoffId != null && result.hasNonNull("id")) {
                ids.put(handoffId, result.get("id").asText());
            }
        }
        return ids;
    }

    /** The errors HubSpot reported for single handoffs of the batch, by handoff id (context objectWriteTraceId or ids). */
    Map<String, String> errors(JsonNode answer, List<LeadUpsert> batch) {
        Map<String, String> byEmail = handoffsByEmail(batch);
        Map<String, String> errors = new HashMap<>();
        for (JsonNode error : answer.path("errors")) {
            String text = describe(error);
            for (JsonNode traceId : error.path("context").path("objectWriteTraceId")) {
                errors.put(traceId.asText(), text);
            }
            for (JsonNode id : error.path("context").path("ids")) {
                String handoffId = byEmail.get(normalized(id.asText()));
                if (handoffId != null) {
                    errors.putIfAbsent(handoffId, text);
                }
            }
        }
        return errors;
    }

    /** One line for an error object of HubSpot's: {@code CATEGORY: message [CODE, ...]}; every field may be missing. */
    static String describe(JsonNode error) {
        StringBuilder text = new StringBuilder(error.path("category").asText("ERROR")).append(": ")
                .append(error.path("message").asText("(no message)"));
        List<String> codes = new ArrayList<>();
        error.path("errors").forEach(detail -> {
            if (detail.hasNonNull("code")) {
                codes.add(detail.get("code").asText());
            }
        });
        return codes.isEmpty() ? text.toString() : text.append(" ").append(codes).toString();
    }

    private static Map<String, String> handoffsByEmail(List<LeadUpsert> batch) {
        Map<String, String> byEmail = new HashMap<>();
        batch.forEach(lead -> byEmail.put(normalized(lead.email()), lead.handoffId()));
        return byEmail;
    }

    private static String normalized(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
