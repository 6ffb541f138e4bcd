package io.leadflow.capture.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker's answer to a request's events: done once it acknowledged every one of them, failed at the first it
 * refused. The acknowledgements arrive on the producer's thread, one per event, in any order.
 */
final class AllAcknowledged {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final AtomicInteger pending;
    private final CompletableFuture<Void> future = new CompletableFuture<>();

    AllAcknowledged(int events) {
        this.pending = new AtomicInteger(events);
        if (events == 0) {
            future.complete(null);
        }
    }

    /** One event is durably written. */
    CompletionStage<Void> ack() {
        if (pending.decrementAndGet() == 0) {
            future.complete(null);
        }
        return DONE;
    }

    /** One event was refused: the request fails, whatever the others become. */
    CompletionStage<Void> nack(Throwable reason) {
        future.completeExceptionally(reason);
        return DONE;
    }

    CompletableFuture<Void> future() {
        return future;
    }
}
