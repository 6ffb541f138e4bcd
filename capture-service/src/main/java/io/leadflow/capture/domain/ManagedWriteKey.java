package io.leadflow.capture.domain;

import java.time.Instant;

/**
 * A write key made through the management API: the key as the ring checks it (named by its id,
 * holding only its SHA-256), and what the people managing keys see of it.
 *
 * @param key the key, {@link WriteKey#name()} being its id
 * @param description what the key is for, as its creator said
 * @param createdAt when it was made
 */
public record ManagedWriteKey(WriteKey key, String description, Instant createdAt) {

    public String id() {
        return key.name();
    }
}
