package io.leadflow.txmessaging;

/**
 * A record that can never be processed (bad JSON, unknown type or version, invalid content): it
 * goes to the channel's dead-letter topic with this message as the reason. Any other failure is
 * taken as transient and retried, so the partition waits instead of losing the record.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
