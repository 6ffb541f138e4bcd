package io.leadflow.scoring.domain.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.events.LifecycleStage;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which outcomes a calibration learns from and which it tests on. */
class OutcomeSplitTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void withoutAMomentTheLatestThirtyPercentAreTheTestPart() {
        // given ten outcomes a minute apart, out of order, converted every other one
        List<Outcome> outcomes = IntStream.of(9, 2, 5, 0, 7, 1, 8, 3, 6, 4)
                .mapToObj(i -> new Outcome("lead-" + i, null, i % 2 == 0, T0.plusSeconds(60L * i))).toList();

        // when
        OutcomeSplit split = OutcomeSplit.of(outcomes, null);

        // then
        assertThat(split.testFrom()).isEqualTo(T0.plusSeconds(7 * 60));
        assertThat(split.train()).extracting(Outcome::leadId).containsExactly("lead-0", "lead-1", "lead-2", "lead-3", "lead-4", "lead-5", "lead-6");
        assertThat(split.counts()).isEqualTo(new OutcomeCounts(4, 3, 1, 2));
    }

    @Test
    void aGivenMomentStartsTheTestPart() {
        List<Outcome> outcomes = IntStream.range(0, 4).mapToObj(i -> new Outcome("lead-" + i, null, true, T0.plusSeconds(i))).toList();

        assertThat(OutcomeSplit.of(outcomes, T0.plusSeconds(1)).train()).hasSize(1);
    }

    @Test
    void tooFewOfAClassInAPartSaysHowManyThereAre() {
        OutcomeCounts counts = new OutcomeCounts(40, 35, 12, 20);

        assertThat(counts.each(12)).isTrue();
        assertThatThrownBy(() -> counts.requireEach(20)).isInstanceOf(TooFewOutcomes.class)
                .hasMessageContaining("107 outcomes: training 40 converted and 35 not, test 12 converted and 20 not")
                .hasMessageContaining("at least 20");
    }

    @Test
    void salesTakingALeadUpIsAConversionAndRecyclingOrDisqualifyingIsNot() {
        assertThat(Outcome.convertedBy(LifecycleStage.SAL)).contains(true);
        assertThat(Outcome.convertedBy(LifecycleStage.CUSTOMER)).contains(true);
        assertThat(Outcome.convertedBy(LifecycleStage.RECYCLED)).contains(false);
        assertThat(Outcome.convertedBy(LifecycleStage.DISQUALIFIED)).contains(false);
        assertThat(Outcome.convertedBy(LifecycleStage.MQL)).isEmpty();
    }
}
