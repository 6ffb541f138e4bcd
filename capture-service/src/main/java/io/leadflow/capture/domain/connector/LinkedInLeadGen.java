package io.leadflow.capture.domain.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.Validation;
import io.leadflow.events.EngagementType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LinkedIn Lead Gen Forms through Lead Sync webhooks: the endpoint validation ({@code challengeCode}), the
 * {@code X-LI-Signature} of each notification, the lead a {@code LEAD_ACTION} notification names, and the
 * form response the API then returns, read with its form's questions. See
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation and
 * https://learn.microsoft.com/en-us/linkedin/marketing/lead-sync/leadsync.
 */
public final class LinkedInLeadGen {

    /** The string LinkedIn puts before the raw body it signs. */
    private static final String SIGNED_PREFIX = "hmacsha256=";
    private static final Pattern FORM_URN = Pattern.compile("urn:li:leadGenForm:([0-9]{1,30})");
    private static final Pattern RESPONSE_ID = Pattern.compile("(?:urn:li:leadGenFormResponse:)?([A-Za-z0-9-]{1,100})");
    /** A form's predefined questions (LinkedIn's names) copied into traits; EMAIL identifies the lead. */
    private static final Map<String, String> TRAITS = Map.of("FIRST_NAME", "firstName", "LAST_NAME", "lastName",
            "COMPANY_NAME", "company", "JOB_TITLE", "jobTitle", "COUNTRY", "country", "PHONE_NUMBER", "phone",
            "COMPANY_SIZE", "companySize", "INDUSTRY", "industry");
    private static final String EMAIL = "EMAIL";

    /** A created lead a notification names: its form response and form, and when it was submitted. */
    public record LeadNotice(String responseId, String formId, Instant occurredAt) {
    }

    private final ConnectorEvents events;

    public LinkedInLeadGen(ConnectorEvents events) {
        this.events = events;
    }

    /**
     * The challenge codes LinkedIn sends: a random (version 4) UUID. Nothing else is signed, because a notification's
     * signature is an HMAC with the same secret: a code of {@code hmacsha256=} and a body would sign a forgery.
     */
    private static final Pattern CHALLENGE_CODE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);

    /** Whether {@code challengeCode} has the shape of the codes LinkedIn's validation sends (a type-4 UUID). */
    public static boolean isChallengeCode(String challengeCode) {
        return challengeCode != null && CHALLENGE_CODE.matcher(challengeCode).matches();
    }

    /**
     * The validation answer's {@code challengeResponse}: hex HMAC-SHA256 of the challenge code with the client secret.
     *
     * @throws IllegalArgumentException when the code is not one LinkedIn sends ({@link #isChallengeCode})
     */
    public static String challengeResponse(String clientSecret, String challengeCode) {
        if (!isChallengeCode(challengeCode)) {
            throw new IllegalArgumentException("a challengeCode is a type-4 UUID");
        }
        return Signatures.hmacSha256Hex(clientSecret, challengeCode.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code X-LI-Signature} is the hex HMAC-SHA256, with the client secret, of {@code hmacsha256=} and the raw body. */
    public static boolean signatureMatches(String clientSecret, byte[] body, String signature) {
        byte[] signed = new byte[SIGNED_PREFIX.length() + body.length];
        System.arraycopy(SIGNED_PREFIX.getBytes(StandardCharsets.US_ASCII), 0, signed, 0, SIGNED_PREFIX.length());
        System.arraycopy(body, 0, signed, SIGNED_PREFIX.length(), body.length);
        return signature != null
                && Signatures.same(Signatures.hmacSha256Hex(clientSecret, signed), signature.trim().toLowerCase(Locale.ROOT));
    }

    /** The created lead of a {@code LEAD_ACTION} notification; none for a deleted lead or another notification. */
    public Optional<LeadNotice> createdLead(JsonNode notification) {
        Matcher form = FORM_URN.matcher(notification.path("leadGenForm").asText(""));
        Matcher response = RESPONSE_ID.matcher(notification.path("leadGenFormResponse").asText(""));
        if (!"LEAD_ACTION".equals(notification.path("type").asText()) || !"CREATED".equals(notification.path("leadAction").asText())
                || !form.find() || !response.matches()) {
            return Optional.empty();
        }
        long occurredAt = notification.path("occurredAt").asLong(0);
        return Optional.of(new LeadNotice(response.group(1), form.group(1),
                occurredAt > 0 ? Instant.ofEpochMilli(occurredAt) : events.now()));
    }

    /**
     * The {@code form.submitted} of one form response, its answers named by the form's questions: the
     * predefined ones as traits (EMAIL identifies the lead), the form as source ({@code form:linkedin:<formId>})
     * and the campaign as {@code utm_campaign}.
     */
    public Validation map(String workspace, LeadNotice notice, JsonNode response, JsonNode form) {
        Map<Long, String> fieldByQuestion = new HashMap<>();
        for (JsonNode question : form.path("content").path("questions")) {
            if (question.path("questionId").canConvertToLong() && question.path("predefinedField").isTextual()) {
                fieldByQuestion.put(question.path("questionId").asLong(), question.path("predefinedField").asText());
            }
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (JsonNode answer : response.path("formResponse").path("answers")) {
            JsonNode text = answer.path("answerDetails").path("textQuestionAnswer").path("answer");
            String field = fieldByQuestion.get(answer.path("questionId").asLong(-1));
            if (field != null && text.isTextual() && !text.asText().isBlank()) {
                answers.putIfAbsent(field, text.asText().trim());
            }
        }
        Optional<FieldError> problem = events.emailProblem("formResponse.answers.EMAIL", answers.get(EMAIL));
        if (problem.isPresent()) {
            return Validation.invalid(List.of(problem.get()));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("formId", notice.formId());
        properties.put("leadId", notice.responseId());
        String campaign = response.path("leadMetadata").path("sponsoredLeadMetadata").path("campaign").asText("");
        if (!campaign.isBlank()) {
            properties.put("utm_campaign", campaign);
        }
        if (response.path("testLead").asBoolean(false)) {
            properties.put("testLead", true);
        }
        Map<String, Object> traits = new LinkedHashMap<>();
        answers.forEach((field, answer) -> {
            if (TRAITS.containsKey(field)) {
                traits.put(TRAITS.get(field), answer);
            }
        });
        return Validation.valid(List.of(events.event(Connector.LINKEDIN, workspace, List.of(notice.responseId()),
                EngagementType.FORM_SUBMITTED, answers.get(EMAIL), notice.occurredAt(), "form:linkedin:" + notice.formId(),
                properties, traits)));
    }
}
