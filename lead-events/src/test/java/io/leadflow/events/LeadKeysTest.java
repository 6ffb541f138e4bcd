package io.leadflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LeadKeysTest {

    @Test
    void emailIsNormalizedAndWinsOverAnonymousId() {
        assertThat(LeadKeys.of("  Ada@Example.COM ", "a-1")).isEqualTo("ada@example.com");
    }

    @Test
    void anonymousVisitorIsKeyedByItsId() {
        assertThat(LeadKeys.of(null, "a-7f3c")).isEqualTo("anon:a-7f3c");
        assertThat(LeadKeys.of(" ", "a-7f3c")).isEqualTo("anon:a-7f3c");
    }

    @Test
    void leadWithNeitherIsRefused() {
        assertThatThrownBy(() -> LeadKeys.of(null, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deterministicIdsRepeatForTheSameCauseOnly() {
        assertThat(DeterministicIds.of("lead-1", "MQL")).isEqualTo(DeterministicIds.of("lead-1", "MQL"));
        assertThat(DeterministicIds.of("lead-1", "MQL")).isNotEqualTo(DeterministicIds.of("lead-1", "SAL"));
    }
}
