package io.leadflow.capture.domain.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.Validation;
import io.leadflow.events.EngagementType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Facebook Lead Ads: the Page webhook's verification request, its {@code X-Hub-Signature-256}, the
 * {@code leadgen} changes it notifies, and the lead the Graph API then returns ({@code field_data}).
 * See https://developers.facebook.com/docs/graph-api/webhooks/getting-started and
 * https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving.
 */
public final class FacebookLeadAds {

    private static final String SIGNATURE_PREFIX = "sha256=";
    private static final Pattern GRAPH_ID = Pattern.compile("[0-9]{1,40}");
    /** The Graph API's {@code created_time}: {@code 2015-11-12T15:27:06+0000}. */
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");
    /** Lead form fields (Facebook's standard questions) copied into traits. */
    private static final Map<String, String> TRAITS = Map.of(
            "first_name", "firstName", "last_name", "lastName", "full_name", "fullName",
            "company_name", "company", "job_title", "jobTitle", "country", "country", "phone_number", "phone");

    /** A leadgen change a webhook notified: the lead to fetch, and what it came from. */
    public record LeadgenChange(String leadgenId, String formId, String adId, String pageId) {
    }

    private final ConnectorEvents events;

    public FacebookLeadAds(ConnectorEvents events) {
        this.events = events;
    }

    /**
     * The answer to the webhook's verification request: its {@code hub.challenge}, when the mode is
     * {@code subscribe} and the token is the one configured in the app's webhook settings.
     */
    public static Optional<String> challenge(String verifyToken, String mode, String token, String challenge) {
        return "subscribe".equals(mode) && Signatures.same(verifyToken, token) && challenge != null
                ? Optional.of(challenge) : Optional.empty();
    }

    /** Whether {@code X-Hub-Signature-256} is {@code sha256=} and the hex HMAC-SHA256 of the raw body with the app secret. */
    public static boolean signatureMatches(String appSecret, byte[] body, String header) {
        return header != null && header.startsWith(SIGNATURE_PREFIX)
                && Signatures.same(Signatures.hmacSha256Hex(appSecret, body), header.substring(SIGNATURE_PREFIX.length())
                .toLowerCase(Locale.ROOT));
    }

    /** The leadgen changes of a notification ({@code object: page}); other fields' changes are none. */
    public static List<LeadgenChange> leadgenChanges(JsonNode notification) {
        List<LeadgenChange> changes = new ArrayList<>();
        for (JsonNode entry : notification.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                Optional<String> leadgenId = graphId(value, "leadgen_id");
                if ("leadgen".equals(change.path("field").asText()) && leadgenId.isPresent()) {
                    changes.add(new LeadgenChange(leadgenId.get(), graphId(value, "form_id").orElse(""),
                            graphId(value, "ad_id").orElse(""), graphId(value, "page_id").orElse("")));
                }
            }
        }
        return changes;
    }

    /**
     * The {@code form.submitted} of one lead as the Graph API returned it: the form's answers as traits
     * (its {@code email} identifies the lead), the form as source ({@code form:facebook:<formId>}) and the
     * campaign as {@code utm_campaign}, so that attribution counts it as paid social.
     */
    public Validation map(String workspace, LeadgenChange change, JsonNode lead) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (JsonNode field : lead.path("field_data")) {
            JsonNode values = field.path("values");
            if (field.path("name").isTextual() && values.isArray() && !values.isEmpty() && values.get(0).isTextual()) {
                answers.put(field.path("name").asText(), values.get(0).asText().trim());
            }
        }
        Optional<FieldError> problem = events.emailProblem("field_data.email", answers.get("email"));
        if (problem.isPresent()) {
            return Validation.invalid(List.of(problem.get()));
        }
        String formId = graphId(lead, "form_id").orElse(change.formId().isEmpty() ? "lead-ads" : change.formId());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("formId", formId);
        properties.put("leadgenId", change.leadgenId());
        graphId(lead, "ad_id").or(() -> Optional.of(change.adId()).filter(id -> !id.isEmpty()))
                .ifPresent(ad -> properties.put("adId", ad));
        graphId(lead, "campaign_id").ifPresent(campaign -> properties.put("campaignId", campaign));
        text(lead, "campaign_name").or(() -> graphId(lead, "campaign_id"))
                .ifPresent(campaign -> properties.put("utm_campaign", campaign));
        Map<String, Object> traits = new LinkedHashMap<>();
        answers.forEach((name, answer) -> {
            if (TRAITS.containsKey(name) && !answer.isEmpty()) {
                traits.put(TRAITS.get(name), answer);
            }
        });
        Instant created = text(lead, "created_time").flatMap(FacebookLeadAds::graphTime).orElseGet(events::now);
        return Validation.valid(List.of(events.event(Connector.FACEBOOK, workspace, List.of(change.leadgenId()),
                EngagementType.FORM_SUBMITTED, answers.get("email"), created, "form:facebook:" + formId, properties, traits)));
    }

    private static Optional<Instant> graphTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, GRAPH_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A Graph API object id: digits, a number in Facebook's older examples and a string in newer payloads.
     * Anything else is not an id (a form id goes into the event's source, whose contract allows no line breaks).
     */
    private static Optional<String> graphId(JsonNode node, String field) {
        return text(node, field).filter(id -> GRAPH_ID.matcher(id).matches());
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return (value.isTextual() || value.isNumber()) && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
