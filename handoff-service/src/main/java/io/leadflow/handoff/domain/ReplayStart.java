package io.leadflow.handoff.domain;

/**
 * Where the replay for a client reconnecting with a Last-Event-ID starts, and whether it can give
 * the client everything it missed.
 *
 * @param after replay the events after this position
 * @param truncation why the replay cannot be complete; null when it is
 */
public record ReplayStart(long after, Truncation truncation) {

    /** Why a replay leaves events out. */
    public enum Truncation {
        /** Events after the client's last one were deleted by retention: the ones kept are replayed. */
        EXPIRED,
        /** The id was never given by this stream (another installation, a restored database): every kept event is replayed. */
        UNKNOWN
    }

    /**
     * @param lastEventId the last position the client received
     * @param lastIssued the last position given to any event
     * @param lastPruned the last position retention deleted
     */
    public static ReplayStart resuming(long lastEventId, long lastIssued, long lastPruned) {
        if (lastEventId > lastIssued) {
            return new ReplayStart(0, Truncation.UNKNOWN);
        }
        if (lastEventId < lastPruned) {
            return new ReplayStart(lastEventId, Truncation.EXPIRED);
        }
        return new ReplayStart(lastEventId, null);
    }
}
