package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.Grade;
import io.leadflow.scoring.domain.model.Lifecycle;
import io.leadflow.scoring.domain.model.FitRule;
import io.leadflow.scoring.domain.model.Segment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecyclePolicyTest {

    private final LifecyclePolicy policy = new LifecyclePolicy(new Lifecycle.Threshold(100, Grade.B));

    @Test
    void aKnownLeadBecomesAnMqlWhenBothAxesReachTheirThresholds() {
        assertThat(policy.stageAfter(LifecycleStage.LEAD, true, 100, Grade.B, Map.of())).isEqualTo(LifecycleStage.MQL);
        assertThat(policy.stageAfter(LifecycleStage.LEAD, true, 150, Grade.A, Map.of())).isEqualTo(LifecycleStage.MQL);
    }

    @Test
    void oneAxisAloneIsNotEnough() {
        assertThat(policy.stageAfter(LifecycleStage.LEAD, true, 99, Grade.A, Map.of())).isEqualTo(LifecycleStage.LEAD);
        assertThat(policy.stageAfter(LifecycleStage.LEAD, true, 500, Grade.C, Map.of())).isEqualTo(LifecycleStage.LEAD);
    }

    @Test
    void anAnonymousVisitorStaysASubscriber() {
        assertThat(policy.initialStage(false)).isEqualTo(LifecycleStage.SUBSCRIBER);
        assertThat(policy.stageAfter(LifecycleStage.SUBSCRIBER, false, 500, Grade.A, Map.of())).isEqualTo(LifecycleStage.SUBSCRIBER);
    }

    @Test
    void aStageNeverMovesBackwards() {
        assertThat(policy.initialStage(true)).isEqualTo(LifecycleStage.LEAD);
        assertThat(policy.stageAfter(LifecycleStage.MQL, true, 10, Grade.D, Map.of())).isEqualTo(LifecycleStage.MQL);
        assertThat(policy.stageAfter(LifecycleStage.SQL, true, 200, Grade.A, Map.of())).isEqualTo(LifecycleStage.SQL);
    }

    @Test
    void aRecycledLeadQualifiesAgainOnlyWhenItMeetsTheThresholdsAgain() {
        assertThat(policy.stageAfter(LifecycleStage.RECYCLED, true, 50, Grade.A, Map.of())).isEqualTo(LifecycleStage.RECYCLED);
        assertThat(policy.stageAfter(LifecycleStage.RECYCLED, true, 100, Grade.B, Map.of())).isEqualTo(LifecycleStage.MQL);
        assertThat(policy.stageAfter(LifecycleStage.DISQUALIFIED, true, 500, Grade.A, Map.of())).isEqualTo(LifecycleStage.DISQUALIFIED);
    }

    @Test
    void theEngagementThresholdMustBePositive() {
        assertThatThrownBy(() -> new LifecyclePolicy(new Lifecycle.Threshold(0, Grade.B)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLeadInASegmentMeetsTheSegmentsThresholdsTheFirstMatchingSegmentWinning() {
        // given enterprise accounts (1000 employees or more) qualify at 150 and grade A, and banks in GB at 120
        LifecyclePolicy segmented = new LifecyclePolicy(new Lifecycle.Threshold(100, Grade.B), List.of(
                new Segment("enterprise", new Segment.Condition(new FitRule.SizeBand(1000, null), null, null),
                        new Lifecycle.Threshold(150, Grade.A)),
                new Segment("uk-banks", new Segment.Condition(null, List.of("banking"), List.of("GB")),
                        new Lifecycle.Threshold(120, Grade.B))));
        Map<String, Object> enterprise = Map.of("companySize", "1001-5000", "industry", "Banking", "country", "gb");
        Map<String, Object> ukBank = Map.of("companySize", 200, "industry", "banking", "country", "GB");
        Map<String, Object> usBank = Map.of("companySize", 200, "industry", "banking", "country", "US");

        // then an enterprise (also a bank in GB) needs 150 and grade A
        assertThat(segmented.stageAfter(LifecycleStage.LEAD, true, 149, Grade.A, enterprise)).isEqualTo(LifecycleStage.LEAD);
        assertThat(segmented.stageAfter(LifecycleStage.LEAD, true, 150, Grade.B, enterprise)).isEqualTo(LifecycleStage.LEAD);
        assertThat(segmented.stageAfter(LifecycleStage.LEAD, true, 150, Grade.A, enterprise)).isEqualTo(LifecycleStage.MQL);
        // and a bank in GB 120, while one elsewhere (in no segment) meets the model's 100
        assertThat(segmented.stageAfter(LifecycleStage.LEAD, true, 119, Grade.B, ukBank)).isEqualTo(LifecycleStage.LEAD);
        assertThat(segmented.stageAfter(LifecycleStage.LEAD, true, 120, Grade.B, ukBank)).isEqualTo(LifecycleStage.MQL);
        assertThat(segmented.stageAfter(LifecycleStage.LEAD, true, 100, Grade.B, usBank)).isEqualTo(LifecycleStage.MQL);
        assertThat(segmented.mqlThresholdOf(Map.of()).engagement()).isEqualTo(100);
    }
}
