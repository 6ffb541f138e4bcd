package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.LifecycleStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FunnelTest {

    private static final LocalDate WEEK_1 = LocalDate.parse("2026-11-09");
    private static final LocalDate WEEK_2 = LocalDate.parse("2026-11-16");
    private static final Instant FIRST_SEEN = Instant.parse("2026-11-16T09:00:00Z");
    private static final UUID SQL_LEAD = UUID.randomUUID();
    private static final UUID RECYCLED_LEAD = UUID.randomUUID();

    private final Funnel funnel = Funnel.of(List.of(
            new Funnel.Count("organic-search", WEEK_1, LifecycleStage.LEAD, 6, 0),
            new Funnel.Count("organic-search", WEEK_1, LifecycleStage.MQL, 3, 3),
            new Funnel.Count("organic-search", WEEK_2, LifecycleStage.SQL, 1, 1),
            new Funnel.Count("paid-search", WEEK_2, LifecycleStage.LEAD, 7, 0),
            new Funnel.Count("paid-search", WEEK_2, LifecycleStage.RECYCLED, 1, 1)), List.of(
            change("organic-search", WEEK_2, SQL_LEAD, LifecycleStage.LEAD, LifecycleStage.MQL, 60),
            change("organic-search", WEEK_2, SQL_LEAD, LifecycleStage.MQL, LifecycleStage.SAL, 120),
            change("organic-search", WEEK_2, SQL_LEAD, LifecycleStage.SAL, LifecycleStage.SQL, 300),
            change("paid-search", WEEK_2, RECYCLED_LEAD, LifecycleStage.LEAD, LifecycleStage.MQL, 600),
            change("paid-search", WEEK_2, RECYCLED_LEAD, LifecycleStage.MQL, LifecycleStage.RECYCLED, 700)));

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
        Funnel empty = Funnel.of(List.of(), List.of());

        assertThat(empty.total().leads()).isZero();
        assertThat(empty.total().mqlRate()).isNull();
        assertThat(empty.bySource()).isEmpty();
        assertThat(empty.total().conversions()).allSatisfy(conversion -> assertThat(conversion.rate()).isNull());
        assertThat(empty.total().timeInStage()).allSatisfy(time -> assertThat(time.medianSeconds()).isNull());
    }

    @Test
    void each_source_flows_on_its_own_leads_changes_and_the_total_on_all() {
        Funnel.Group organic = funnel.bySource().get(0);
        assertThat(organic.conversions().get(0)).isEqualTo(new StageFlow.Conversion(LifecycleStage.MQL, LifecycleStage.SAL, 1, 1, 100.0));
        Funnel.Group paid = funnel.bySource().get(1);
        assertThat(paid.conversions().get(0)).isEqualTo(new StageFlow.Conversion(LifecycleStage.MQL, LifecycleStage.SAL, 1, 0, 0.0));

        assertThat(funnel.total().conversions().get(0)).isEqualTo(new StageFlow.Conversion(LifecycleStage.MQL, LifecycleStage.SAL, 2, 1, 50.0));
        // LEAD -> MQL after 60 s (organic) and 600 s (paid): the median of two is their mean
        assertThat(funnel.total().timeInStage().get(0)).isEqualTo(new StageFlow.StageTime(LifecycleStage.LEAD, LifecycleStage.MQL, 2, 330L));
        assertThat(funnel.byWeek().get(0).conversions().get(0).reached()).as("no change recorded in week 1").isZero();
        assertThat(funnel.byWeek().get(1).conversions().get(0).reached()).isEqualTo(2);
    }

    private static Funnel.Change change(String source, LocalDate week, UUID lead, LifecycleStage from, LifecycleStage to, long atSecond) {
        return new Funnel.Change(source, week, lead, FIRST_SEEN,
                new StageHistory.Change(from, to, FIRST_SEEN.plusSeconds(atSecond), null, null));
    }
}
