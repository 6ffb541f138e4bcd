package io.leadflow.txmessaging;

import java.time.Duration;

/**
 * Counts the units of work running (transactions of polled batches, relay passes) and, once closed, admits no more:
 * what a graceful stop waits for before the database pool closes under them.
 */
public final class WorkInFlight {

    private int running;
    private boolean closed;

    /** Counts one more unit running, unless closed; a unit admitted must {@link #leave()} whatever its outcome. */
    public synchronized boolean tryEnter() {
        if (closed) {
            return false;
        }
        running++;
        return true;
    }

    public synchronized void leave() {
        if (running == 0) {
            throw new IllegalStateException("left more often than entered");
        }
        running--;
        if (running == 0) {
            notifyAll();
        }
    }

    public synchronized boolean closed() {
        return closed;
    }

    /**
     * Admits no more work, then waits up to {@code patience} for the work running to end.
     *
     * @return how many units still run when it gave up: 0 once all ended
     */
    public synchronized int closeAndAwait(Duration patience) throws InterruptedException {
        closed = true;
        long deadline = System.nanoTime() + patience.toNanos();
        for (long left = patience.toNanos(); running > 0 && left > 0; left = deadline - System.nanoTime()) {
            // at least 1 ms: wait(0) would wait for ever
            wait(Math.max(1, left / 1_000_000));
        }
        return running;
    }
}
