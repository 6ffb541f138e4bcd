package io.leadflow.handoff.domain;

import io.leadflow.events.HandoffCreated;
import io.leadflow.events.HandoffSlaBreached;
import io.leadflow.events.HandoffSlaReminder;
import io.leadflow.events.HandoffStatusChanged;
import java.util.Set;

/**
 * Which handoff events a subscriber wants. Empty sets do not narrow: no reps and no queues mean
 * every rep's and queue's events, no event types mean every type. With reps or queues given, an
 * event passes when it names one of the reps or comes from one of the queues (a manager follows a
 * queue and a few reps outside it).
 */
public record EventFilter(Set<String> reps, Set<String> queues, Set<String> eventTypes) {

    /** The handoff event types a filter may name. */
    public static final Set<String> EVENT_TYPES = Set.of(
            HandoffCreated.TYPE, HandoffStatusChanged.TYPE, HandoffSlaReminder.TYPE, HandoffSlaBreached.TYPE);

    public EventFilter {
        reps = reps == null ? Set.of() : Set.copyOf(reps);
        queues = queues == null ? Set.of() : Set.copyOf(queues);
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
    }

    public boolean matches(HandoffAudience event) {
        if (!eventTypes.isEmpty() && !eventTypes.contains(event.eventType())) {
            return false;
        }
        return follows(event);
    }

    /**
     * Whether the subscriber follows the reps or queue the event concerns, whatever its type: a lead's erasure notice
     * goes to every subscriber that may have received the lead, even one that chose only some handoff types.
     */
    public boolean follows(HandoffAudience event) {
        if (reps.isEmpty() && queues.isEmpty()) {
            return true;
        }
        return event.reps().stream().anyMatch(reps::contains) || event.queue() != null && queues.contains(event.queue());
    }
}
