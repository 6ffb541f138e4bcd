package io.leadflow.handoff.domain;

/**
 * Chooses the rep for a new MQL. For now one rule routes every lead to one queue dealt by
 * {@link RoundRobin}; routing rules that pick among queues will come in front of it.
 *
 * @param ruleName the name recorded as the rule that matched
 * @param queue the queue whose cursor the rule advances
 * @param reps how that queue deals its leads
 */
public record Routing(String ruleName, String queue, RoundRobin reps) {

    /**
     * The routing of one lead.
     *
     * @param assignee the rep the lead goes to
     * @param ruleMatched the rule that chose the rep
     * @param nextCursor the queue's cursor after this assignment
     */
    public record Decision(String assignee, String ruleMatched, long nextCursor) {
    }

    public Routing {
        if (ruleName == null || ruleName.isBlank() || queue == null || queue.isBlank() || reps == null) {
            throw new IllegalArgumentException("a routing needs a rule name, a queue and reps");
        }
    }

    /** Routes the next lead of {@link #queue()}, whose cursor stands at {@code cursor}. */
    public Decision route(long cursor) {
        RoundRobin.Turn turn = reps.next(cursor);
        return new Decision(turn.rep(), ruleName, turn.nextCursor());
    }
}
