package io.leadflow.capture.domain.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.domain.BotClassifier;
import io.leadflow.capture.domain.CapturedEvent;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.Validation;
import io.leadflow.events.EngagementType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Mandrill (Mailchimp Transactional) message events: a form post whose {@code mandrill_events} field
 * holds a JSON array of events, signed in {@code X-Mandrill-Signature}.
 * See https://mailchimp.com/developer/transactional/guides/track-respond-activity-webhooks/ and
 * https://mailchimp.com/developer/transactional/guides/authenticate-webhook-requests/.
 */
public final class MandrillWebhook {

    public static final String EVENTS_FIELD = "mandrill_events";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 9999-12-31T23:59:59Z: a later {@code ts} is no time, so the event counts as happening now. */
    private static final long LATEST_TS = 253_402_300_799L;

    private final ConnectorEvents events;
    private final BotClassifier bots;

    public MandrillWebhook(ConnectorEvents events, BotClassifier bots) {
        this.events = events;
        this.bots = bots;
    }

    /**
     * Whether the signature is Mandrill's for this post: the base64 HMAC-SHA1, keyed with the
     * webhook's key, of the webhook URL exactly as registered followed by each POST field's name and
     * value, sorted by name.
     */
    public static boolean signatureMatches(String webhookKey, String webhookUrl, Map<String, List<String>> form,
            String signature) {
        StringBuilder signed = new StringBuilder(webhookUrl);
        new TreeMap<>(form).forEach((name, values) -> signed.append(name).append(values.isEmpty() ? "" : values.get(0)));
        return Signatures.same(Signatures.hmacSha1Base64(webhookKey, signed.toString()), signature);
    }

    /**
     * The engagement of a post's events: {@code open} an {@code email.opened}, {@code click} an
     * {@code email.clicked} (each flagged when a scanner or a privacy proxy did it), {@code hard_bounce}
     * an {@code email.bounced}, {@code unsub} and {@code spam} (a complaint) an {@code email.unsubscribed};
     * delivery events ({@code send}, {@code deferral}, {@code soft_bounce}, {@code reject}) and sync
     * events are no engagement and capture nothing. One event that cannot be read refuses the post.
     */
    public Validation map(String workspace, String mandrillEvents) {
        JsonNode array;
        try {
            array = JSON.readTree(mandrillEvents == null ? "" : mandrillEvents);
        } catch (JsonProcessingException e) {
            array = null;
        }
        if (array == null || !array.isArray()) {
            return Validation.invalid(List.of(new FieldError(EVENTS_FIELD, "must be a JSON array of Mandrill events")));
        }
        List<CapturedEvent> captured = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            map(workspace, array.get(i), EVENTS_FIELD + "[" + i + "]", errors).ifPresent(captured::add);
        }
        return errors.isEmpty() ? Validation.valid(captured) : Validation.invalid(errors);
    }

    private Optional<CapturedEvent> map(String workspace, JsonNode event, String at, List<FieldError> errors) {
        String kind = event.path("event").asText("");
        Optional<EngagementType> type = switch (kind) {
            case "open" -> Optional.of(EngagementType.EMAIL_OPENED);
            case "click" -> Optional.of(EngagementType.EMAIL_CLICKED);
            case "hard_bounce" -> Optional.of(EngagementType.EMAIL_BOUNCED);
            case "unsub", "spam" -> Optional.of(EngagementType.EMAIL_UNSUBSCRIBED);
            default -> Optional.empty();
        };
        if (type.isEmpty()) {
            return Optional.empty();
        }
        JsonNode msg = event.path("msg");
        String email = msg.path("email").isTextual() ? msg.path("email").asText() : null;
        Optional<FieldError> problem = events.emailProblem(at + ".msg.email", email);
        String messageId = event.path("_id").asText(msg.path("_id").asText(""));
        if (messageId.isBlank()) {
            problem = problem.or(() -> Optional.of(new FieldError(at + "._id", "is required")));
        }
        if (problem.isPresent()) {
            errors.add(problem.get());
            return Optional.empty();
        }
        long ts = event.path("ts").asLong(0);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("mandrillEvent", kind);
        properties.put("messageId", messageId);
        text(msg, "subject").ifPresent(subject -> properties.put("subject", subject));
        text(event, "url").ifPresent(url -> properties.put("url", url));
        text(msg, "bounce_description").ifPresent(reason -> properties.put("reason", reason));
        if (msg.path("tags").isArray() && !msg.path("tags").isEmpty()) {
            List<String> tags = new ArrayList<>();
            msg.path("tags").forEach(tag -> tags.add(tag.asText()));
            properties.put("utm_campaign", tags.get(0));
            properties.put("tags", tags);
        }
        CapturedEvent captured = events.event(Connector.MANDRILL, workspace, List.of(kind, messageId, Long.toString(ts)),
                type.get(), email, ts > 0 && ts <= LATEST_TS ? Instant.ofEpochSecond(ts) : events.now(), "api", properties, Map.of());
        return Optional.of(bots.classify(captured, text(event, "user_agent").orElse(null), text(event, "ip").orElse(null)));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
