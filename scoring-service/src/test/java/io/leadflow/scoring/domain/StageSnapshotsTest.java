package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.LifecycleStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StageSnapshotsTest {

    private static final LocalDate WEEK_1 = LocalDate.parse("2026-11-02");
    private static final LocalDate WEEK_2 = LocalDate.parse("2026-11-09");
    private static final LocalDate WEEK_3 = LocalDate.parse("2026-11-16");
    private static final UUID QUALIFIED = UUID.randomUUID();

    @Test
    void each_week_counts_the_leads_seen_by_its_end_in_the_stage_they_were_in_then() {
        // six leads first seen in week 1 (one of them an MQL in week 2, SAL in week 3), four in week 3
        List<Funnel.Count> counts = List.of(
                new Funnel.Count("organic-search", WEEK_1, LifecycleStage.LEAD, 5, 0),
                new Funnel.Count("organic-search", WEEK_1, LifecycleStage.SAL, 1, 1),
                new Funnel.Count("email", WEEK_3, LifecycleStage.LEAD, 4, 0));
        List<Funnel.Change> changes = List.of(
                change(LifecycleStage.LEAD, LifecycleStage.MQL, "2026-11-11T10:00:00Z"),
                change(LifecycleStage.MQL, LifecycleStage.SAL, "2026-11-17T10:00:00Z"));

        List<StageSnapshots.Snapshot> weeks = StageSnapshots.weekly(counts, changes, Instant.parse("2026-11-18T12:00:00Z"));

        assertThat(weeks).extracting(StageSnapshots.Snapshot::week).containsExactly(WEEK_1, WEEK_2, WEEK_3);
        assertThat(weeks.get(0).at()).isEqualTo(Instant.parse("2026-11-09T00:00:00Z"));
        assertThat(weeks.get(0).byStage()).containsExactly(Map.entry(LifecycleStage.LEAD, 6L));
        assertThat(weeks.get(1).byStage()).containsExactly(Map.entry(LifecycleStage.LEAD, 5L), Map.entry(LifecycleStage.MQL, 1L));
        assertThat(weeks.get(2).at()).as("the current week is taken now").isEqualTo(Instant.parse("2026-11-18T12:00:00Z"));
        assertThat(weeks.get(2).byStage()).containsExactly(Map.entry(LifecycleStage.LEAD, 9L), Map.entry(LifecycleStage.SAL, 1L));
    }

    @Test
    void a_recycled_lead_goes_back_down_and_no_leads_means_no_weeks() {
        List<Funnel.Count> counts = List.of(new Funnel.Count("paid-search", WEEK_1, LifecycleStage.RECYCLED, 1, 1));
        List<Funnel.Change> changes = List.of(
                change(LifecycleStage.LEAD, LifecycleStage.MQL, "2026-11-03T10:00:00Z"),
                change(LifecycleStage.MQL, LifecycleStage.RECYCLED, "2026-11-10T10:00:00Z"));

        List<StageSnapshots.Snapshot> weeks = StageSnapshots.weekly(counts, changes, Instant.parse("2026-11-12T00:00:00Z"));

        assertThat(weeks).extracting(StageSnapshots.Snapshot::byStage)
                .containsExactly(Map.of(LifecycleStage.MQL, 1L), Map.of(LifecycleStage.RECYCLED, 1L));
        assertThat(StageSnapshots.weekly(List.of(), List.of(), Instant.parse("2026-11-12T00:00:00Z"))).isEmpty();
    }

    private static Funnel.Change change(LifecycleStage from, LifecycleStage to, String at) {
        return new Funnel.Change("organic-search", WEEK_1, QUALIFIED, Instant.parse("2026-11-02T09:00:00Z"),
                new StageHistory.Change(from, to, Instant.parse(at), "cause", "scored"));
    }
}
