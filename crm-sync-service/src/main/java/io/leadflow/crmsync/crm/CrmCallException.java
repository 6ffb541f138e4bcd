package io.leadflow.crmsync.crm;

import java.time.Duration;

/**
 * A CRM did not take a lead: it could not be reached, answered with an error, or rejected the
 * record itself. The caller retries it, waiting at least {@link #retryAfter()} when the CRM asked
 * for a pause (429, Retry-After, an exhausted rate-limit window).
 */
public class CrmCallException extends RuntimeException {

    private final transient Duration retryAfter;

    public CrmCallException(String message) {
        this(message, null);
    }

    public CrmCallException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** The wait the CRM asked for before the next attempt, or null when it asked for none. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
