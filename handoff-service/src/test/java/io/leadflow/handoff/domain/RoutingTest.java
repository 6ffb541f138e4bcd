package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {

    @Test
    void routesToTheRepWhoseTurnItIsAndNamesTheRule() {
        // Given the default rule over a queue of two reps that has dealt three leads
        Routing routing = new Routing("default-round-robin", "default", new RoundRobin(List.of("ana", "ben")));

        // When the next lead is routed
        Routing.Decision decision = routing.route(3);

        // Then
        assertThat(decision).isEqualTo(new Routing.Decision("ben", "default-round-robin", 4));
    }

    @Test
    void refusesARoutingWithoutRuleNameOrQueue() {
        RoundRobin reps = new RoundRobin(List.of("ana"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Routing(" ", "default", reps));
        assertThatIllegalArgumentException().isThrownBy(() -> new Routing("rule", null, reps));
    }
}
