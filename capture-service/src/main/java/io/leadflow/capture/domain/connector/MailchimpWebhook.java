package io.leadflow.capture.domain.connector;

import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.Validation;
import io.leadflow.capture.domain.WriteKeyRing;
import io.leadflow.events.EngagementType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mailchimp Marketing audience webhooks: a form-encoded POST ({@code type=subscribe&fired_at=...&data[email]=...})
 * to a URL whose hard-to-guess secret is the only proof that Mailchimp sent it (Mailchimp signs nothing).
 * See https://mailchimp.com/developer/marketing/guides/sync-audience-data-webhooks/.
 */
public final class MailchimpWebhook {

    /** Mailchimp's {@code fired_at}: {@code 2009-03-26 21:35:57}, in UTC. */
    private static final DateTimeFormatter FIRED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Audience changes that are no engagement of one lead: acknowledged, nothing captured. */
    private static final List<String> NOT_ENGAGEMENT = List.of("upemail", "campaign");

    private final ConnectorEvents events;

    public MailchimpWebhook(ConnectorEvents events) {
        this.events = events;
    }

    /** Whether the secret in the webhook URL is the one configured (as its SHA-256, as write keys are). */
    public static boolean secretMatches(String configuredSha256, String presented) {
        return presented != null && Signatures.same(configuredSha256.trim().toLowerCase(java.util.Locale.ROOT),
                WriteKeyRing.sha256(presented));
    }

    /**
     * The engagement of one webhook post: {@code subscribe} and {@code profile} (the subscriber's own
     * form) a {@code form.submitted} with the merge fields as traits, {@code unsubscribe} an
     * {@code email.unsubscribed}, {@code cleaned} (a hard bounce or an abuse report) an {@code email.bounced};
     * {@code upemail} and {@code campaign} nothing.
     *
     * @param form the posted fields, by their names as posted ({@code data[merges][FNAME]})
     */
    public Validation map(String workspace, Map<String, List<String>> form) {
        String type = value(form, "type").orElse("");
        if (NOT_ENGAGEMENT.contains(type)) {
            return Validation.valid(List.of());
        }
        Optional<EngagementType> engagement = switch (type) {
            case "subscribe", "profile" -> Optional.of(EngagementType.FORM_SUBMITTED);
            case "unsubscribe" -> Optional.of(EngagementType.EMAIL_UNSUBSCRIBED);
            case "cleaned" -> Optional.of(EngagementType.EMAIL_BOUNCED);
            default -> Optional.empty();
        };
        if (engagement.isEmpty()) {
            return Validation.invalid(List.of(new FieldError("type",
                    "must be one of subscribe, unsubscribe, profile, cleaned, upemail, campaign")));
        }
        Optional<String> email = value(form, "data[email]");
        Optional<FieldError> emailProblem = events.emailProblem("data[email]", email.orElse(null));
        if (emailProblem.isPresent()) {
            return Validation.invalid(List.of(emailProblem.get()));
        }
        String firedAt = value(form, "fired_at").orElse("");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("mailchimpEvent", type);
        value(form, "data[list_id]").ifPresent(list -> properties.put("listId", list));
        value(form, "data[campaign_id]").ifPresent(campaign -> properties.put("utm_campaign", campaign));
        value(form, "data[reason]").ifPresent(reason -> properties.put("reason", reason));
        value(form, "data[action]").ifPresent(action -> properties.put("action", action));
        Map<String, Object> traits = new LinkedHashMap<>();
        value(form, "data[merges][FNAME]").ifPresent(first -> traits.put("firstName", first));
        value(form, "data[merges][LNAME]").ifPresent(last -> traits.put("lastName", last));
        value(form, "data[merges][COMPANY]").ifPresent(company -> traits.put("company", company));
        return Validation.valid(List.of(events.event(Connector.MAILCHIMP, workspace,
                List.of(type, value(form, "data[list_id]").orElse(""), email.get().trim(), firedAt),
                engagement.get(), email.get(), firedAt(firedAt).orElseGet(events::now), "api", properties, traits)));
    }

    private static Optional<Instant> firedAt(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text, FIRED_AT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> value(Map<String, List<String>> form, String name) {
        return form.getOrDefault(name, List.of()).stream()
                .filter(value -> value != null && !value.isBlank())
                .map(String::trim)
                .findFirst();
    }
}
