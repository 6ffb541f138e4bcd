package io.leadflow.scoring.domain;

import java.util.List;

/**
 * What counting a lead's engagements knows of its stored history.
 *
 * @param checkpoint where a re-score may start, or null: from the beginning
 * @param after the events after the checkpoint (all of them without one) in the order they happened, or null when they
 *     were not read because none of the engagements can arrive late
 */
public record StoredHistory(RescoreCheckpoint checkpoint, List<RecordedEvent> after) {

    public StoredHistory {
        after = after == null ? null : List.copyOf(after);
    }

    /** The whole history, read. */
    public static StoredHistory whole(List<RecordedEvent> events) {
        return new StoredHistory(null, events);
    }

    /** Not read; the lead's checkpoint (or null) is kept for as long as what it stands for does not change. */
    public static StoredHistory unread(RescoreCheckpoint checkpoint) {
        return new StoredHistory(checkpoint, null);
    }

    public boolean read() {
        return after != null;
    }
}
