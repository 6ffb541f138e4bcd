package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.LifecycleStage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunnelTest {

    private static final LocalDate WEEK_1 = LocalDate.parse("2026-11-09");
    private static final LocalDate WEEK_2 = LocalDate.parse("2026-11-16");

    private final Funnel funnel = Funnel.of(List.of(
            new Funnel.Count("organic-search", WEEK_1, LifecycleStage.LEAD, 6, 0),
            new Funnel.Count("organic-search", WEEK_1, LifecycleStage.MQL, 3, 3),
            new Funnel.Count("organic-search", WEEK_2, LifecycleStage.SQL, 1, 1),
            new Funnel.Count("paid-search", WEEK_2, LifecycleStage.LEAD, 7, 0),
            new Funnel.Count("paid-search", WEEK_2, LifecycleStage.RECYCLED, 1, 1)));

    @Test
    void the_total_counts_every_lead_in_its_stage_and_the_share_that_qualified() {
        assertThat(funnel.total().leads()).isEqualTo(18);
        assertThat(funnel.total().byStage()).containsExactly(Map.entry(LifecycleStage.LEAD, 13L), Map.entry(LifecycleStage.MQL, 3L),
                Map.entry(LifecycleStage.SQL, 1L), Map.entry(LifecycleStage.RECYCLED, 1L));
        assertThat(funnel.total().qualified()).isEqualTo(5);
        assertThat(funnel.total().mqlRate()).isEqualTo(27.8);
    }

    @Test
    void by_source_a_recycled_lead_still_counts_as_qualified() {
        assertThat(funnel.bySource()).extracting(Funnel.Group::key).containsExactly("organic-search", "paid-search");
        Funnel.Group organic = funnel.bySource().get(0);
        assertThat(organic.leads()).isEqualTo(10);
        assertThat(organic.mqlRate()).isEqualTo(40.0);
        Funnel.Group paid = funnel.bySource().get(1);
        assertThat(paid.byStage()).containsEntry(LifecycleStage.RECYCLED, 1L);
        assertThat(paid.mqlRate()).isEqualTo(12.5);
    }

    @Test
    void by_week_the_cohorts_come_in_time_order() {
        assertThat(funnel.byWeek()).extracting(Funnel.Group::key).containsExactly("2026-11-09", "2026-11-16");
        assertThat(funnel.byWeek()).extracting(Funnel.Group::leads).containsExactly(9L, 9L);
    }

    @Test
    void no_leads_make_an_empty_funnel_without_a_rate() {
        Funnel empty = Funnel.of(List.of());

        assertThat(empty.total().leads()).isZero();
        assertThat(empty.total().mqlRate()).isNull();
        assertThat(empty.bySource()).isEmpty();
    }
}
