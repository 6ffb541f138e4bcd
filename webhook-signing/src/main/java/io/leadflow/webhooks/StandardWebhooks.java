package io.leadflow.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Signs Leadflow's outbound webhooks (handoff-service's subscriptions, crm-sync-service's webhook
 * CRM) the Standard Webhooks way, with that scheme's own library: {@code webhook-signature} holds
 * {@code v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">} once per live secret, so a receiver
 * can rotate without a gap, and the signed timestamp lets it refuse replays (the libraries allow
 * five minutes either way).
 */
public final class StandardWebhooks {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private StandardWebhooks() {
    }

    /**
     * The headers of message {@code id} carrying {@code body} (UTF-8 JSON), sent at {@code at},
     * signed with each of {@code secrets} in order.
     */
    public static WebhookHeaders sign(String id, Instant at, byte[] body, List<String> secrets) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(secret -> secret == null || secret.isBlank())) {
            throw new IllegalArgumentException("a webhook needs at least one secret to sign with, and no blank ones");
        }
        long seconds = at.getEpochSecond();
        String payload = new String(body, StandardCharsets.UTF_8);
        String signatures = secrets.stream().map(secret -> sign(secret, id, seconds, payload)).collect(Collectors.joining(" "));
        return new WebhookHeaders(id, Long.toString(seconds), signatures);
    }

    /**
     * Whether a received request verifies under {@code secret} as a receiver checks it with the
     * library: the three headers present, the timestamp within five minutes of now, one signature
     * matching.
     */
    public static boolean verifies(Map<String, List<String>> headers, byte[] body, String secret) {
        try {
            new Webhook(SigningSecret.key(secret)).verify(new String(body, StandardCharsets.UTF_8), headers);
            return true;
        } catch (WebhookVerificationException refused) {
            return false;
        } catch (EmptyWebhookSecretException e) {
            throw new IllegalArgumentException("a blank secret verifies nothing", e);
        }
    }

    private static String sign(String secret, String id, long seconds, String payload) {
        try {
            return new Webhook(SigningSecret.key(secret)).sign(id, seconds, payload);
        } catch (EmptyWebhookSecretException | WebhookSigningException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime; the secret was checked above", e);
        }
    }
}
