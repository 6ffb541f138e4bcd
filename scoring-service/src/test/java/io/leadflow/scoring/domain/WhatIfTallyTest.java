package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.Grade;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatIfTallyTest {

    @Test
    void countsChangesPerTransitionAndListsTheLargestMovesFirst() {
        // given three top places
        WhatIfTally tally = new WhatIfTally(3);

        // when leads that stay, rise, fall and only change grade are added
        tally.add(move("same", 40, 40, LifecycleStage.LEAD, LifecycleStage.LEAD));
        tally.add(move("up-a-little", 40, 45, LifecycleStage.LEAD, LifecycleStage.LEAD));
        tally.add(move("qualifies", 90, 120, LifecycleStage.LEAD, LifecycleStage.MQL));
        tally.add(move("falls", 60, 10, LifecycleStage.LEAD, LifecycleStage.LEAD));
        tally.add(move("qualifies-too", 100, 100, LifecycleStage.LEAD, LifecycleStage.MQL));
        for (int i = 0; i < 20; i++) {
            tally.add(move("small-" + i, 10, 11, LifecycleStage.SUBSCRIBER, LifecycleStage.SUBSCRIBER));
        }

        // then
        WhatIfTally.Summary summary = tally.summary();
        assertThat(summary.leads()).isEqualTo(25);
        assertThat(summary.scoreChanges()).isEqualTo(23);
        assertThat(summary.stageChanges()).isEqualTo(2);
        assertThat(summary.transitions()).containsExactly(Map.entry("LEAD->MQL", 2));
        assertThat(summary.topMovers()).extracting(WhatIfTally.Move::leadKey).containsExactly("falls", "qualifies", "up-a-little");
    }

    @Test
    void aStageChangeWithoutAScoreChangeStillMoves() {
        WhatIfTally tally = new WhatIfTally(5);

        tally.add(move("qualifies-by-grade", 100, 100, LifecycleStage.LEAD, LifecycleStage.MQL));
        tally.add(move("same", 100, 100, LifecycleStage.LEAD, LifecycleStage.LEAD));

        assertThat(tally.summary().topMovers()).extracting(WhatIfTally.Move::leadKey).containsExactly("qualifies-by-grade");
        assertThat(tally.summary().scoreChanges()).isZero();
    }

    private static WhatIfTally.Move move(String key, int before, int after, LifecycleStage from, LifecycleStage to) {
        return new WhatIfTally.Move("id-" + key, key, before, after, from, to, Grade.C, Grade.B);
    }
}
