package io.leadflow.handoff.domain;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whom a handoff event concerns: its type, the reps it names (the assignee, and on a reassignment
 * or an escalation also the previous or next one) and the queue the lead was dealt from (null when
 * a rule named the rep). Webhook filters and live streams select events by it.
 */
public record HandoffAudience(String eventType, Set<String> reps, String queue) {

    public HandoffAudience {
        reps = Set.copyOf(reps);
    }

    /** The audience of an event naming {@code reps}, of which null ones are left out. */
    public static HandoffAudience of(String eventType, String queue, String... reps) {
        return new HandoffAudience(eventType, Stream.of(reps).filter(Objects::nonNull).collect(Collectors.toSet()), queue);
    }
}
