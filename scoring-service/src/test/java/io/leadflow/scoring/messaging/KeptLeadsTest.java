package io.leadflow.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.persistence.Lead;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeptLeadsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void aCopyTakenToChangeLeavesTheKeptLeadAsItWas() {
        // given a kept lead of partition 0
        KeptLeads kept = new KeptLeads(10);
        kept.own(List.of(0));
        kept.keep(Map.of(lead("ada@example.com"), 0));

        // when a copy of it is moved to another stage
        kept.copyOf("ada@example.com").orElseThrow().moveTo(LifecycleStage.MQL, 90, NOW);

        // then the kept lead is unchanged
        Lead again = kept.copyOf("ada@example.com").orElseThrow();
        assertThat(again.stage()).isEqualTo(LifecycleStage.LEAD);
        assertThat(again.score()).isZero();
    }

    @Test
    void theLeadsOfARevokedPartitionAreForgottenAndTheOthersKept() {
        // given leads kept for partitions 0 and 1
        KeptLeads kept = new KeptLeads(10);
        kept.own(List.of(0, 1));
        kept.keep(Map.of(lead("ada@example.com"), 0, lead("grace@example.com"), 1));

        // when partition 1 is revoked
        kept.forgetPartitions(List.of(1));

        // then only partition 0's lead is kept
        assertThat(kept.copyOf("ada@example.com")).isPresent();
        assertThat(kept.copyOf("grace@example.com")).isEmpty();
    }

    @Test
    void aLeadWrittenForAPartitionRevokedWhileItsTransactionRanIsNotKept() {
        // given partition 2 revoked while a batch of its records was being counted
        KeptLeads kept = new KeptLeads(10);
        kept.own(List.of(2));
        kept.forgetPartitions(List.of(2));

        // when that batch's transaction commits and its leads are offered
        kept.keep(Map.of(lead("linus@example.com"), 2));

        // then none is kept: another instance counts for that partition now
        assertThat(kept.copyOf("linus@example.com")).isEmpty();
    }

    @Test
    void forgottenLeadsAreReadAgainAndNoMoreThanTheCapacityIsKept() {
        // given a capacity of 3 and 5 leads written
        KeptLeads kept = new KeptLeads(3);
        kept.own(List.of(0));
        for (int i = 0; i < 5; i++) {
            kept.keep(Map.of(lead("lead" + i + "@example.com"), 0));
        }

        // then at most 3 are kept, and a forgotten one is gone
        assertThat(kept.size()).isLessThanOrEqualTo(3);
        kept.forget(List.of("lead4@example.com"));
        assertThat(kept.copyOf("lead4@example.com")).isEmpty();
    }

    private static Lead lead(String email) {
        return new Lead(email, email, LifecycleStage.LEAD, NOW);
    }
}
