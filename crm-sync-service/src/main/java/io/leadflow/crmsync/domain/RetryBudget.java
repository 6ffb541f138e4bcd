package io.leadflow.crmsync.domain;

/**
 * How many failed attempts a handoff gets before it is given up (dead-lettered, FAILED).
 *
 * @param maxAttempts the attempts allowed; 0 means unlimited
 */
public record RetryBudget(int maxAttempts) {

    public RetryBudget {
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("max attempts is 0 (unlimited) or more, was " + maxAttempts);
        }
    }

    /** Whether a handoff that failed {@code attempts} times is given up. */
    public boolean isSpentAfter(int attempts) {
        return maxAttempts > 0 && attempts >= maxAttempts;
    }
}
