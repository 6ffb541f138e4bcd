package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.LifecycleStage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageHistoryTest {

    private static final Instant FIRST_SEEN = Instant.parse("2026-11-16T09:00:00Z");

    @Test
    void each_change_gives_the_time_since_the_lead_entered_the_stage_it_left() {
        List<StageHistory.Step> steps = StageHistory.of(FIRST_SEEN, List.of(
                change(LifecycleStage.LEAD, LifecycleStage.MQL, 90),
                change(LifecycleStage.MQL, LifecycleStage.SAL, 3690)));

        assertThat(steps).extracting(StageHistory.Step::inPrevious).containsExactly(Duration.ofSeconds(90), Duration.ofHours(1));
    }

    @Test
    void a_stage_whose_entry_is_not_recorded_has_no_time() {
        // the lead became an MQL before its history was kept: only its move from SAL on is timed
        List<StageHistory.Step> steps = StageHistory.of(FIRST_SEEN, List.of(
                change(LifecycleStage.MQL, LifecycleStage.SAL, 500),
                change(LifecycleStage.SAL, LifecycleStage.SQL, 800)));

        assertThat(steps).extracting(StageHistory.Step::inPrevious).containsExactly(null, Duration.ofSeconds(300));
    }

    @Test
    void no_changes_make_an_empty_history() {
        assertThat(StageHistory.of(FIRST_SEEN, List.of())).isEmpty();
    }

    private static StageHistory.Change change(LifecycleStage from, LifecycleStage to, long atSecond) {
        return new StageHistory.Change(from, to, FIRST_SEEN.plusSeconds(atSecond), "event-" + atSecond, "engagement");
    }
}
