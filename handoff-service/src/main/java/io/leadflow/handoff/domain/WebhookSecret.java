package io.leadflow.handoff.domain;

import io.leadflow.webhooks.SigningSecret;
import java.time.Instant;
import java.util.UUID;

/**
 * One signing secret of a webhook subscription.
 *
 * @param id names the secret in the API (its value is shown only when it is made)
 * @param value the secret as receivers know it: {@code whsec_} and the base64 of the HMAC key
 * @param createdAt when it was added
 * @param retiresAt from when it no longer signs; null while it is the current one
 */
public record WebhookSecret(String id, String value, Instant createdAt, Instant retiresAt) {

    /** A new secret: {@code whsec_} and 32 random bytes in base64 (Standard Webhooks). */
    public static WebhookSecret generate(Instant now) {
        return of(SigningSecret.generate(), now);
    }

    /** A secret the subscriber chose (checked by {@link SigningSecret#problem}). */
    public static WebhookSecret of(String value, Instant now) {
        return new WebhookSecret(UUID.randomUUID().toString(), value, now, null);
    }

    public boolean liveAt(Instant now) {
        return retiresAt == null || now.isBefore(retiresAt);
    }

    WebhookSecret retiringAt(Instant at) {
        return retiresAt != null && retiresAt.isBefore(at) ? this : new WebhookSecret(id, value, createdAt, at);
    }
}
