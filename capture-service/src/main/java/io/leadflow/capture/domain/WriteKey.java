package io.leadflow.capture.domain;

import java.util.List;

/**
 * A write key as configured: never the key itself, only its SHA-256.
 *
 * @param name what the key is called in configuration and logs
 * @param sha256 the lowercase hex SHA-256 of the key
 * @param kind what it may do
 * @param allowedOrigins the normalized origins a public key may be used from (empty for a secret key)
 */
public record WriteKey(String name, String sha256, KeyKind kind, List<String> allowedOrigins) {

    public WriteKey {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Whether a request from {@code origin} (normalized) may use this key. */
    public boolean allowsOrigin(String origin) {
        return allowedOrigins.stream().anyMatch(allowed -> Origins.matches(allowed, origin));
    }
}
