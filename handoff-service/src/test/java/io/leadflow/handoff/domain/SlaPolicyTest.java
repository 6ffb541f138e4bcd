package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    @Test
    void theDueTimeIsTheResponseTimeAfterTheHandoffWasMade() {
        // Given a four-hour SLA
        SlaPolicy policy = new SlaPolicy(Duration.ofHours(4));

        // When a handoff is made late in the evening
        Instant due = policy.dueAt(Instant.parse("2026-11-22T22:30:00Z"));

        // Then it is due four hours later, on the next day
        assertThat(due).isEqualTo(Instant.parse("2026-11-23T02:30:00Z"));
    }

    @Test
    void refusesAResponseTimeThatIsNotPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SlaPolicy(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new SlaPolicy(Duration.ofMinutes(-5)));
        assertThatIllegalArgumentException().isThrownBy(() -> new SlaPolicy(null));
    }
}
