package io.leadflow.handoff.rest;

import java.time.Duration;

/**
 * A request to rotate a webhook's signing secret; the whole body may be left out.
 *
 * @param secret the new secret, {@code whsec_} and the base64 of 24 to 64 random bytes; left out, the service makes one
 * @param overlap how long the secrets it replaces keep signing (ISO-8601, {@code PT0S} retires them
 *     at once); left out, {@code leadflow.webhooks.rotation-overlap}
 */
public record SecretRotation(String secret, Duration overlap) {
}
