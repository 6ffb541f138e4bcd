package io.leadflow.kafkahealth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which Kafka client threads have died: a thread this watch has seen alive, that an open client still needs, and that
 * is no longer alive. A thread is only missed once seen, because a consumer starts its heartbeat thread when it first
 * joins its group; a client that was closed is no longer expected, so its threads ending is no death.
 */
public final class ClientThreadWatch {

    private final Set<String> seenAlive = new HashSet<>();

    /**
     * The threads of {@code expected} (needed by the clients open now) that were alive at an earlier look and are not in
     * {@code alive} now, sorted by name.
     */
    public synchronized List<String> dead(Set<String> expected, Set<String> alive) {
        List<String> dead = expected.stream().filter(seenAlive::contains).filter(name -> !alive.contains(name)).sorted()
                .toList();
        expected.stream().filter(alive::contains).forEach(seenAlive::add);
        // a client closed since: its threads are forgotten, so that a new client of the same name starts afresh
        seenAlive.retainAll(expected);
        return dead;
    }
}
