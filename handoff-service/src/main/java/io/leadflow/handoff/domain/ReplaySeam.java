package io.leadflow.handoff.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Joins a replay of stored events to the live events that arrive while it runs, so that a
 * reconnecting client misses none and gets none twice. Live events are subscribed to before the
 * replay starts and held back until it ends; then only those past the replay's horizon (the last
 * position it covered) are let through. Past the seam, an event at or before the last position sent
 * is never sent again. Not thread-safe: call it from one stream's serialized signals.
 *
 * @param <E> the event, which has a position in commit order
 */
public final class ReplaySeam<E> {

    private final ToLongFunction<E> position;
    private final int maxHeldBack;
    private List<E> heldBack = new ArrayList<>();
    private long last;

    /** {@code maxHeldBack}: live events a slow replay may hold back before the stream gives up. */
    public ReplaySeam(ToLongFunction<E> position, int maxHeldBack) {
        this.position = position;
        this.maxHeldBack = maxHeldBack;
    }

    /** A live event; the items are what to send now (nothing while the replay runs). */
    public List<E> live(E event) {
        if (heldBack == null) {
            return sendIfNew(event);
        }
        if (heldBack.size() == maxHeldBack) {
            throw new IllegalStateException(maxHeldBack + " live events arrived during the replay: too far behind");
        }
        heldBack.add(event);
        return List.of();
    }

    /** A stored event the replay found, in position order: sent now. */
    public List<E> replayed(E event) {
        return sendIfNew(event);
    }

    /**
     * The replay has covered every event up to {@code horizon} (the ones it did not send were the
     * client's already, or not for it); the items are the held-back live events past it.
     */
    public List<E> replayEnded(long horizon) {
        last = Math.max(last, horizon);
        List<E> sent = new ArrayList<>();
        heldBack.forEach(event -> sent.addAll(sendIfNew(event)));
        heldBack = null;
        return sent;
    }

    private List<E> sendIfNew(E event) {
        long at = position.applyAsLong(event);
        if (at <= last) {
            return List.of();
        }
        last = at;
        return List.of(event);
    }
}
