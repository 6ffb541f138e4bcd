package io.leadflow.scoring.messaging;

import io.leadflow.scoring.domain.WhatIfTally;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A what-if preview running in the background, page by page, and how far it got: read by requests while the
 * preview's thread moves it on. Only the tally's bounded summary is kept, never the leads it read.
 */
public final class PreviewJob {

    /** Where a preview is. */
    public enum Status { RUNNING, DONE, FAILED }

    private final UUID id = UUID.randomUUID();
    private final int top;
    private final long total;
    private final Instant startedAt;
    private final CompletableFuture<WhatIfTally.Summary> outcome = new CompletableFuture<>();
    private long done;
    private int pages;
    private Instant finishedAt;
    private String error;

    /**
     * @param top how many of the leads that would move most it lists
     * @param total how many leads there were when it started
     */
    public PreviewJob(int top, long total, Instant now) {
        this.top = top;
        this.total = total;
        this.startedAt = now;
    }

    synchronized void progressed(int leads) {
        done += leads;
        pages++;
    }

    synchronized void finished(WhatIfTally.Summary result, Instant now) {
        finishedAt = now;
        outcome.complete(result);
    }

    synchronized void failed(Throwable failure, Instant now) {
        finishedAt = now;
        error = failure.toString();
        outcome.completeExceptionally(failure);
    }

    /** Completes with the summary when the preview is done, or with why it failed. */
    public CompletableFuture<WhatIfTally.Summary> outcome() {
        return outcome.copy();
    }

    /** The job as it stands now, consistent with itself. */
    public synchronized Progress progress() {
        Status status = !outcome.isDone() ? Status.RUNNING : outcome.isCompletedExceptionally() ? Status.FAILED : Status.DONE;
        return new Progress(id, status, top, total, done, pages, startedAt, finishedAt, status == Status.DONE ? outcome.join() : null, error);
    }

    public UUID id() {
        return id;
    }

    int top() {
        return top;
    }

    /**
     * @param total how many leads there were when it started (leads added since are scored too when their id comes
     *     after the page it reads, so done may end a little above or below it)
     * @param done how many leads it has scored
     * @param pages how many pages it read
     * @param result the summary once done, else null
     * @param error why it failed, or null
     */
    public record Progress(UUID id, Status status, int top, long total, long done, int pages, Instant startedAt, Instant finishedAt,
            WhatIfTally.Summary result, String error) {
    }
}
