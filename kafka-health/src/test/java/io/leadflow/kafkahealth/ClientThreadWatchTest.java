package io.leadflow.kafkahealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientThreadWatchTest {

    private static final String PRODUCER = "kafka-producer-network-thread | dlq-producer";
    private static final String HEARTBEAT = "kafka-coordinator-heartbeat-thread | scoring-service";

    private final ClientThreadWatch watch = new ClientThreadWatch();

    @Test
    void aThreadSeenAliveThatIsGoneWhileItsClientIsOpenIsDead() {
        // Given the producer's and the consumer's threads seen alive
        watch.dead(Set.of(PRODUCER, HEARTBEAT), Set.of(PRODUCER, HEARTBEAT, "main"));

        // When the heartbeat thread is gone while its consumer is still open
        var dead = watch.dead(Set.of(PRODUCER, HEARTBEAT), Set.of(PRODUCER, "main"));

        // Then it is the one dead thread
        assertThat(dead).containsExactly(HEARTBEAT);
    }

    @Test
    void aThreadNeverSeenAliveIsNotMissed() {
        // Given a consumer that has not joined its group yet: no heartbeat thread
        // When the watch looks, Then nothing is dead
        assertThat(watch.dead(Set.of(HEARTBEAT), Set.of("main"))).isEmpty();
    }

    @Test
    void theThreadsOfAClosedClientAreNotDeadAndANewClientOfTheSameNameStartsAfresh() {
        // Given the producer's thread seen alive
        watch.dead(Set.of(PRODUCER), Set.of(PRODUCER));

        // When the producer is closed: no longer expected, its thread gone
        var afterClose = watch.dead(Set.of(), Set.of());
        // and a new producer of the same client id is open, its thread not yet seen
        var afterReopen = watch.dead(Set.of(PRODUCER), Set.of());

        // Then neither look finds a dead thread
        assertThat(afterClose).isEmpty();
        assertThat(afterReopen).isEmpty();
    }
}
