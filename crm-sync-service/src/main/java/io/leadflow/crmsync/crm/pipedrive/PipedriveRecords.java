package io.leadflow.crmsync.crm.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.crmsync.domain.LeadProfile;
import io.leadflow.crmsync.domain.LeadUpsert;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of Pipedrive's v1 persons and leads: the bodies we send and what we read from the
 * answers, all wrapped as {@code {"success": true, "data": ...}}. A lead carries the handoff id as
 * {@code origin_id} (Pipedrive's field for "which integration created this lead"), which is how a
 * repeated handoff finds the lead it already created.
 */
final class PipedriveRecords {

    private final ObjectMapper json;

    PipedriveRecords(ObjectMapper json) {
        this.json = json;
    }

    /** {@code POST /v1/persons}: the name (the email when the lead gave none), the email as primary work address, the owner. */
    ObjectNode newPerson(LeadUpsert lead, Long ownerId) {
        ObjectNode person = json.createObjectNode();
        person.put("name", lead.profile().fullNameOr(lead.email()));
        person.putArray("email").addObject().put("value", lead.email()).put("primary", true).put("label", "work");
        putOwner(person, ownerId);
        return person;
    }

    /**
     * {@code PUT /v1/persons/{id}}: what the handoff knows better than Pipedrive (a name the lead gave,
     * the rep it was routed to); null when there is nothing to change, so no call is made.
     */
    ObjectNode personUpdate(LeadUpsert lead, Long ownerId) {
        LeadProfile profile = lead.profile();
        boolean named = profile.firstName() != null || profile.lastName() != null;
        if (!named && ownerId == null) {
            return null;
        }
        ObjectNode person = json.createObjectNode();
        if (named) {
            person.put("name", profile.fullNameOr(lead.email()));
        }
        putOwner(person, ownerId);
        return person;
    }

    /** {@code POST /v1/leads}: linked to the person, titled by who it is, tagged with the handoff id. */
    ObjectNode newLead(LeadUpsert lead, long personId, Long ownerId) {
        ObjectNode body = json.createObjectNode();
        body.put("title", title(lead));
        body.put("person_id", personId);
        body.put("origin_id", lead.handoffId());
        putOwner(body, ownerId);
        return body;
    }

    /** The id of the person whose email is exactly {@code email}, from a persons search answer; null when none. */
    static Long personWithEmail(JsonNode searchAnswer, String email) {
        for (JsonNode found : searchAnswer.path("data").path("items")) {
            JsonNode person = found.path("item");
            for (JsonNode address : person.path("emails")) {
                if (address.asText("").trim().equalsIgnoreCase(email.trim()) && person.hasNonNull("id")) {
                    return person.get("id").asLong();
                }
            }
        }
        return null;
    }

    /** The id of the lead a handoff created, from a page of the person's leads; null when none. */
    static String leadOfHandoff(JsonNode leadsAnswer, String handoffId) {
        for (JsonNode lead : leadsAnswer.path("data")) {
            if (handoffId.equals(lead.path("origin_id").asText(null))) {
                return lead.path("id").asText();
            }
        }
        return null;
    }

    /** The ids of the leads on a page of a person's leads. */
    static List<String> leadIds(JsonNode leadsAnswer) {
        List<String> ids = new ArrayList<>();
        leadsAnswer.path("data").forEach(lead -> ids.add(lead.path("id").asText()));
        return ids;
    }

    /** Where the next page of a list starts, or null after the last page. */
    static Integer nextStart(JsonNode listAnswer) {
        JsonNode pagination = listAnswer.path("additional_data").path("pagination");
        return pagination.path("more_items_in_collection").asBoolean(false) && pagination.hasNonNull("next_start")
                ? pagination.get("next_start").asInt() : null;
    }

    /** {@code error: error_info} of a Pipedrive error answer. */
    static String describe(JsonNode answer) {
        String error = answer.path("error").asText("(no error given)");
        String info = answer.path("error_info").asText("");
        return info.isEmpty() ? error : error + ": " + info;
    }

    private static String title(LeadUpsert lead) {
        LeadProfile profile = lead.profile();
        String who = profile.fullNameOr(lead.email());
        return profile.company() == null ? who : who + ", " + profile.company();
    }

    private static void putOwner(ObjectNode body, Long ownerId) {
        if (ownerId != null) {
            body.put("owner_id", ownerId);
        }
    }
}
