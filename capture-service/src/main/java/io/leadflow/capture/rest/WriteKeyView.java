package io.leadflow.capture.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadflow.capture.domain.ManagedWriteKey;
import io.leadflow.capture.domain.WriteKey;
import java.time.Instant;
import java.util.List;

/**
 * A write key as the management API shows it: never the key, nor its hash.
 *
 * @param id how the key is named in the API, in logs and in rate-limit answers
 * @param kind {@code public} or {@code secret}
 * @param description what it is for
 * @param allowedOrigins where a public key may be used from
 * @param createdAt when it was made through the API (none for a configured key)
 * @param source {@code api} (revocable here), {@code configuration} (changed with the configuration) or
 *     {@code directory} (a file of the keys directory: removed with it)
 * @param key the key itself: only in the answer that made it, never again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WriteKeyView(String id, String kind, String description, List<String> allowedOrigins, Instant createdAt,
        String source, String key) {

    static WriteKeyView of(ManagedWriteKey managed) {
        WriteKey key = managed.key();
        return new WriteKeyView(key.name(), key.kind().wireName(), managed.description(), key.allowedOrigins(),
                managed.createdAt(), "api", null);
    }

    static WriteKeyView configured(WriteKey key) {
        return new WriteKeyView(key.name(), key.kind().wireName(), null, key.allowedOrigins(), null, "configuration", null);
    }

    static WriteKeyView mounted(WriteKey key) {
        return new WriteKeyView(key.name(), key.kind().wireName(), null, key.allowedOrigins(), null, "directory", null);
    }

    WriteKeyView withKey(String plaintext) {
        return new WriteKeyView(id, kind, description, allowedOrigins, createdAt, source, plaintext);
    }
}
