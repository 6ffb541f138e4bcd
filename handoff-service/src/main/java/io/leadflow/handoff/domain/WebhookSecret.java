package io.leadflow.handoff.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * One signing secret of a webhook subscription.
 *
 * @param id names the secret in the API (its value is shown only when it is made)
 * @param value the HMAC key
 * @param createdAt when it was added
 * @param retiresAt from when it no longer signs; null while it is the current one
 */
public record WebhookSecret(String id, String value, Instant createdAt, Instant retiresAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new secret: 32 random bytes, base64url, prefixed so that it is recognisable in a vault. */
    public static WebhookSecret generate(Instant now) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return of("whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key), now);
    }

    /** A secret the subscriber chose. */
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
