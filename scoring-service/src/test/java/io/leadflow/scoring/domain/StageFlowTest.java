package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leadflow.events.LifecycleStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageFlowTest {

    private static final Instant FIRST_SEEN = Instant.parse("2026-11-16T09:00:00Z");

    @Test
    void no_journeys_make_no_conversion_rate_and_no_median() {
        assertThat(StageFlow.conversions(List.of())).extracting(StageFlow.Conversion::from, StageFlow.Conversion::to)
                .containsExactly(tuple(LifecycleStage.MQL, LifecycleStage.SAL),
                        tuple(LifecycleStage.SAL, LifecycleStage.SQL),
                        tuple(LifecycleStage.SQL, LifecycleStage.OPPORTUNITY),
                        tuple(LifecycleStage.OPPORTUNITY, LifecycleStage.CUSTOMER));
        assertThat(StageFlow.conversions(List.of())).allSatisfy(conversion -> {
            assertThat(conversion.reached()).isZero();
            assertThat(conversion.rate()).isNull();
        });
        assertThat(StageFlow.timesInStage(List.of())).hasSize(5)
                .allSatisfy(time -> assertThat(time).extracting(StageFlow.StageTime::moves, StageFlow.StageTime::medianSeconds)
                        .containsExactly(0L, null));
    }

    @Test
    void one_lead_taken_to_sql_converts_at_each_step_it_took_with_its_own_times() {
        StageFlow.Journey lead = journey(LifecycleStage.LEAD, 60, LifecycleStage.MQL, 180, LifecycleStage.SAL, 3780, LifecycleStage.SQL);

        List<StageFlow.Conversion> conversions = StageFlow.conversions(List.of(lead));
        assertThat(conversions.get(0)).isEqualTo(new StageFlow.Conversion(LifecycleStage.MQL, LifecycleStage.SAL, 1, 1, 100.0));
        assertThat(conversions.get(1)).isEqualTo(new StageFlow.Conversion(LifecycleStage.SAL, LifecycleStage.SQL, 1, 1, 100.0));
        assertThat(conversions.get(2)).isEqualTo(new StageFlow.Conversion(LifecycleStage.SQL, LifecycleStage.OPPORTUNITY, 1, 0, 0.0));
        assertThat(conversions.get(3).rate()).isNull();

        List<StageFlow.StageTime> times = StageFlow.timesInStage(List.of(lead));
        assertThat(times.get(0)).isEqualTo(new StageFlow.StageTime(LifecycleStage.LEAD, LifecycleStage.MQL, 1, 60L));
        assertThat(times.get(1)).isEqualTo(new StageFlow.StageTime(LifecycleStage.MQL, LifecycleStage.SAL, 1, 120L));
        assertThat(times.get(2)).isEqualTo(new StageFlow.StageTime(LifecycleStage.SAL, LifecycleStage.SQL, 1, 3600L));
        assertThat(times.get(3).medianSeconds()).isNull();
    }

    @Test
    void a_recycled_lead_that_goes_round_twice_converts_once_but_gives_a_time_for_each_pass() {
        // MQL after 100 s, accepted 100 s later, recycled, MQL again, accepted 500 s later this time
        StageFlow.Journey twice = journey(LifecycleStage.LEAD, 100, LifecycleStage.MQL, 200, LifecycleStage.SAL, 300, LifecycleStage.RECYCLED,
                1000, LifecycleStage.MQL, 1500, LifecycleStage.SAL);
        // another MQL accepted after 900 s, and one never accepted
        StageFlow.Journey once = journey(LifecycleStage.LEAD, 10, LifecycleStage.MQL, 910, LifecycleStage.SAL);
        StageFlow.Journey waiting = journey(LifecycleStage.LEAD, 50, LifecycleStage.MQL);

        List<StageFlow.Journey> journeys = List.of(twice, once, waiting);

        assertThat(StageFlow.conversions(journeys).get(0)).isEqualTo(new StageFlow.Conversion(LifecycleStage.MQL, LifecycleStage.SAL, 3, 2, 66.7));
        // MQL -> SAL: 100, 500 and 900 s; RECYCLED -> MQL is no step of the main path
        assertThat(StageFlow.timesInStage(journeys).get(1)).isEqualTo(new StageFlow.StageTime(LifecycleStage.MQL, LifecycleStage.SAL, 3, 500L));
        // LEAD -> MQL: 10, 50 and 100 s
        assertThat(StageFlow.timesInStage(journeys).get(0)).isEqualTo(new StageFlow.StageTime(LifecycleStage.LEAD, LifecycleStage.MQL, 3, 50L));
    }

    @Test
    void a_lead_qualified_straight_from_mql_to_sql_reached_sal_too_but_gives_no_time_in_it() {
        StageFlow.Journey straight = journey(LifecycleStage.LEAD, 10, LifecycleStage.MQL, 70, LifecycleStage.SQL);

        assertThat(StageFlow.conversions(List.of(straight)).get(1))
                .isEqualTo(new StageFlow.Conversion(LifecycleStage.SAL, LifecycleStage.SQL, 1, 1, 100.0));
        assertThat(StageFlow.timesInStage(List.of(straight)).get(1).moves()).isZero();
    }

    /** A journey from {@code stages[0]}, then each (second, stage) pair: the lead moved to that stage at that second. */
    private static StageFlow.Journey journey(Object... stages) {
        List<StageHistory.Change> changes = new ArrayList<>();
        LifecycleStage current = (LifecycleStage) stages[0];
        for (int i = 1; i < stages.length; i += 2) {
            LifecycleStage next = (LifecycleStage) stages[i + 1];
            changes.add(new StageHistory.Change(current, next, FIRST_SEEN.plusSeconds(((Number) stages[i]).longValue()), null, null));
            current = next;
        }
        return new StageFlow.Journey(FIRST_SEEN, changes);
    }
}
