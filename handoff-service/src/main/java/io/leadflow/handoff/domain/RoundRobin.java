package io.leadflow.handoff.domain;

import java.util.List;

/**
 * Deals leads to reps in turn. The cursor counts the leads a queue has dealt so far; it is kept
 * outside (in the database) so that the turn survives restarts and is shared by every instance.
 */
public final class RoundRobin {

    private final List<String> reps;

    public RoundRobin(List<String> reps) {
        if (reps == null || reps.isEmpty()) {
            throw new IllegalArgumentException("round robin needs at least one rep");
        }
        if (reps.stream().anyMatch(rep -> rep == null || rep.isBlank())) {
            throw new IllegalArgumentException("a rep name must not be blank: " + reps);
        }
        this.reps = List.copyOf(reps);
    }

    /**
     * Whose turn it is when {@code cursor} leads were dealt before.
     *
     * @param rep the rep who gets the lead
     * @param nextCursor the cursor to store with the assignment
     */
    public record Turn(String rep, long nextCursor) {
    }

    public Turn next(long cursor) {
        if (cursor < 0) {
            throw new IllegalArgumentException("cursor must not be negative: " + cursor);
        }
        return new Turn(reps.get((int) (cursor % reps.size())), cursor + 1);
    }
}
