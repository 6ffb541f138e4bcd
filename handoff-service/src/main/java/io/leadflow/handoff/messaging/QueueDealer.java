package io.leadflow.handoff.messaging;

import io.leadflow.handoff.domain.RoutingDocument;
import io.leadflow.handoff.domain.SalesQueue;
import io.leadflow.handoff.domain.WeightedRoundRobin;
import io.leadflow.handoff.persistence.HandoffRepository;
import io.leadflow.handoff.persistence.RoutingCursorRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/**
 * Deals a lead from a queue to the next rep who can take it: locks the queue's cursor, counts the
 * reps' open handoffs against their capacity and advances the cursor, in the caller's transaction.
 */
@ApplicationScoped
public class QueueDealer {

    private final RoutingCursorRepository cursors;
    private final HandoffRepository handoffs;

    public QueueDealer(RoutingCursorRepository cursors, HandoffRepository handoffs) {
        this.cursors = cursors;
        this.handoffs = handoffs;
    }

    /** The rep who gets the next lead of {@code queueName}; must run inside a transaction. */
    public Uni<String> deal(RoutingDocument document, String queueName, Instant now) {
        SalesQueue queue = document.queue(queueName)
                .orElseThrow(() -> new IllegalStateException("the routing document has no queue " + queueName));
        return deal(document, queue, now, null);
    }

    /** As {@link #deal(RoutingDocument, String, Instant)}, passing over {@code excluded} (a rep who let the lead lapse). */
    public Uni<String> deal(RoutingDocument document, SalesQueue queue, Instant now, String excluded) {
        return cursors.lockOrCreate(queue.name(), now).flatMap(cursor -> handoffs.openByAssignee().map(open -> {
            WeightedRoundRobin.Turn turn = new WeightedRoundRobin(queue).next(cursor.position(),
                    rep -> !rep.equals(excluded) && document.rep(rep).canTake(now, load(open, rep)));
            cursor.advanceTo(turn.nextCursor(), now);
            return turn.rep();
        }));
    }

    private static long load(Map<String, Long> open, String rep) {
        return open.getOrDefault(rep, 0L);
    }
}
