package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.Grade;
import io.leadflow.scoring.domain.model.Lifecycle;
import org.junit.jupiter.api.Test;

class LifecyclePolicyTest {

    private final LifecyclePolicy policy = new LifecyclePolicy(new Lifecycle.Threshold(100, Grade.B));

    @Test
    void aKnownLeadBecomesAnMqlWhenBothAxesReachTheirThresholds() {
        assertThat(policy.stageAfter(LifecycleStage.LEAD, true, 100, Grade.B)).isEqualTo(LifecycleStage.MQL);
        assertThat(policy.stageAfter(LifecycleStage.LEAD, true, 150, Grade.A)).isEqualTo(LifecycleStage.MQL);
    }

    @Test
    void oneAxisAloneIsNotEnough() {
        assertThat(policy.stageAfter(LifecycleStage.LEAD, true, 99, Grade.A)).isEqualTo(LifecycleStage.LEAD);
        assertThat(policy.stageAfter(LifecycleStage.LEAD, true, 500, Grade.C)).isEqualTo(LifecycleStage.LEAD);
    }

    @Test
    void anAnonymousVisitorStaysASubscriber() {
        assertThat(policy.initialStage(false)).isEqualTo(LifecycleStage.SUBSCRIBER);
        assertThat(policy.stageAfter(LifecycleStage.SUBSCRIBER, false, 500, Grade.A)).isEqualTo(LifecycleStage.SUBSCRIBER);
    }

    @Test
    void aStageNeverMovesBackwards() {
        assertThat(policy.initialStage(true)).isEqualTo(LifecycleStage.LEAD);
        assertThat(policy.stageAfter(LifecycleStage.MQL, true, 10, Grade.D)).isEqualTo(LifecycleStage.MQL);
        assertThat(policy.stageAfter(LifecycleStage.SQL, true, 200, Grade.A)).isEqualTo(LifecycleStage.SQL);
    }

    @Test
    void aRecycledLeadQualifiesAgainOnlyWhenItMeetsTheThresholdsAgain() {
        assertThat(policy.stageAfter(LifecycleStage.RECYCLED, true, 50, Grade.A)).isEqualTo(LifecycleStage.RECYCLED);
        assertThat(policy.stageAfter(LifecycleStage.RECYCLED, true, 100, Grade.B)).isEqualTo(LifecycleStage.MQL);
        assertThat(policy.stageAfter(LifecycleStage.DISQUALIFIED, true, 500, Grade.A)).isEqualTo(LifecycleStage.DISQUALIFIED);
    }

    @Test
    void theEngagementThresholdMustBePositive() {
        assertThatThrownBy(() -> new LifecyclePolicy(new Lifecycle.Threshold(0, Grade.B)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
