package io.leadflow.capture.domain;

/**
 * A key just made: the only time its plaintext exists in the service. It is shown to its creator
 * once; only {@link ManagedWriteKey} (with the key's SHA-256) is stored.
 *
 * @param plaintext the key clients send
 * @param managed what is stored of it
 */
public record IssuedWriteKey(String plaintext, ManagedWriteKey managed) {

    @Override
    public String toString() {
        return "IssuedWriteKey[" + managed.id() + "]";
    }
}
