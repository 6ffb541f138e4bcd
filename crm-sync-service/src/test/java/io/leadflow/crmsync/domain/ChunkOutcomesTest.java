package io.leadflow.crmsync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkOutcomesTest {

    private final ConsumedHandoff first = SyncPlanTest.handoff("lead-1", "a@example.com");
    private final ConsumedHandoff second = SyncPlanTest.handoff("lead-2", "b@example.com");
    private final ConsumedHandoff third = SyncPlanTest.handoff("lead-3", "c@example.com");

    @Test
    void eachHandoffGetsItsOwnOutcomeInChunkOrderWhateverOrderTheAdapterAnswered() {
        // Given an answer out of order, taking the third and rejecting the first, and saying nothing of the second
        CrmReceipt receipt = new CrmReceipt("hs-3", Instant.parse("2026-11-23T10:00:00Z"));
        List<UpsertOutcome> answered = List.of(UpsertOutcome.accepted(third.handoffId(), receipt),
                UpsertOutcome.rejected(first.handoffId(), "VALIDATION_ERROR: email is invalid"));

        // When the outcomes are matched to the chunk
        List<UpsertOutcome> outcomes = ChunkOutcomes.match(List.of(first, second, third), answered);

        // Then each handoff has its outcome, in order; the one left out counts as rejected
        assertThat(outcomes).extracting(UpsertOutcome::handoffId).containsExactly(first.handoffId(), second.handoffId(), third.handoffId());
        assertThat(outcomes.get(0).error()).isEqualTo("VALIDATION_ERROR: email is invalid");
        assertThat(outcomes.get(1).isAccepted()).isFalse();
        assertThat(outcomes.get(1).error()).isEqualTo(ChunkOutcomes.NO_OUTCOME);
        assertThat(outcomes.get(2).receipt()).isEqualTo(receipt);
    }

    @Test
    void aFailedCallFailsEachHandoffOfItsChunkWithTheCallsError() {
        List<UpsertOutcome> outcomes = ChunkOutcomes.callFailed(List.of(first, second), "hubspot answered 429");

        assertThat(outcomes).extracting(UpsertOutcome::handoffId).containsExactly(first.handoffId(), second.handoffId());
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.isAccepted()).isFalse();
            assertThat(outcome.error()).isEqualTo("hubspot answered 429");
        });
    }
}
