package io.leadflow.capture.domain;

import java.util.Optional;

/**
 * Whether a request may use the write key it presents.
 *
 * @param outcome granted, or why not
 * @param key the key, when it is known
 * @param reason why it was refused, for the client
 */
public record Access(Outcome outcome, Optional<WriteKey> key, String reason) {

    /** How a key check ended. */
    public enum Outcome {
        GRANTED,
        /** No key was presented. */
        MISSING,
        /** The key is not configured. */
        UNKNOWN,
        /** A public key used from an origin it is not bound to. */
        WRONG_ORIGIN,
        /** A public key asked to do what only a secret key may. */
        NOT_PERMITTED
    }

    static Access refused(Outcome outcome, String reason) {
        return new Access(outcome, Optional.empty(), reason);
    }

    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }
}
