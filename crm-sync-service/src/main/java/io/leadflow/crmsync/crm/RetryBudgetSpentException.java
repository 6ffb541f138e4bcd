package io.leadflow.crmsync.crm;

/** A CRM write failed as many times as its retry budget allows; it is not retried by itself any more. */
public class RetryBudgetSpentException extends RuntimeException {

    private final int attempts;

    public RetryBudgetSpentException(Throwable lastFailure, int attempts) {
        super(lastFailure.getMessage(), lastFailure);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
