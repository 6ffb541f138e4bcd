package io.leadflow.handoff.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Deals a queue's leads to its members in proportion to their weights, skipping members who cannot
 * take a lead now. The cursor counts the turns the queue has dealt; it is kept in the database so
 * that the turn survives restarts, is shared by every instance, and a redelivered event (which
 * changes nothing) takes no turn.
 */
public final class WeightedRoundRobin {

    private final SalesQueue queue;
    private final List<String> turns;

    public WeightedRoundRobin(SalesQueue queue) {
        if (queue.members().isEmpty()) {
            throw new IllegalArgumentException("queue " + queue.name() + " has no members");
        }
        this.queue = queue;
        this.turns = interleave(queue.members());
    }

    /**
     * Who gets the lead when the queue stands at {@code cursor}: the first member from there on who
     * {@code canTake} it. When nobody can, the queue's manager, or else the member whose turn it is,
     * so that no lead is left without an owner.
     *
     * @param rep the rep who gets the lead
     * @param nextCursor the cursor to store with the assignment
     * @param overflow true when no member could take the lead
     */
    public record Turn(String rep, long nextCursor, boolean overflow) {
    }

    public Turn next(long cursor, Predicate<String> canTake) {
        if (cursor < 0) {
            throw new IllegalArgumentException("cursor must not be negative: " + cursor);
        }
        for (int skipped = 0; skipped < turns.size(); skipped++) {
            String rep = turns.get((int) ((cursor + skipped) % turns.size()));
            if (canTake.test(rep)) {
                return new Turn(rep, cursor + skipped + 1, false);
            }
        }
        String fallback = queue.manager() != null ? queue.manager() : turns.get((int) (cursor % turns.size()));
        return new Turn(fallback, cursor + 1, true);
    }

    /** One round of turns: weights 2 and 1 deal a, b, a, so a heavier member's turns are spread out. */
    private static List<String> interleave(List<QueueMember> members) {
        int heaviest = members.stream().mapToInt(QueueMember::weight).max().orElse(1);
        List<String> round = new ArrayList<>();
        for (int pass = 0; pass < heaviest; pass++) {
            for (QueueMember member : members) {
                if (member.weight() > pass) {
                    round.add(member.rep());
                }
            }
        }
        return List.copyOf(round);
    }
}
