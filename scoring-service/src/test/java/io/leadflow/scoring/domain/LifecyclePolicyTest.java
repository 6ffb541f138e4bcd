package io.leadflow.scoring.domain;

import static io.leadflow.events.LifecycleStage.LEAD;
import static io.leadflow.events.LifecycleStage.MQL;
import static io.leadflow.events.LifecycleStage.SAL;
import static io.leadflow.events.LifecycleStage.SUBSCRIBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LifecyclePolicyTest {

    private final LifecyclePolicy policy = new LifecyclePolicy(100);

    @Test
    void aKnownLeadStartsAsLeadAndAnAnonymousOneAsSubscriber() {
        assertThat(policy.initialStage(true)).isEqualTo(LEAD);
        assertThat(policy.initialStage(false)).isEqualTo(SUBSCRIBER);
    }

    @Test
    void aKnownLeadReachingTheThresholdBecomesAnMql() {
        assertThat(policy.stageAfter(LEAD, true, 99)).isEqualTo(LEAD);
        assertThat(policy.stageAfter(LEAD, true, 100)).isEqualTo(MQL);
    }

    @Test
    void anAnonymousLeadNeverBecomesAnMql() {
        assertThat(policy.stageAfter(SUBSCRIBER, false, 500)).isEqualTo(SUBSCRIBER);
    }

    @Test
    void aSubscriberWhoseEmailBecomesKnownIsALead() {
        assertThat(policy.stageAfter(SUBSCRIBER, true, 10)).isEqualTo(LEAD);
    }

    @Test
    void theStageNeverMovesBackwards() {
        assertThat(policy.stageAfter(MQL, true, 20)).isEqualTo(MQL);
        assertThat(policy.stageAfter(SAL, true, 500)).isEqualTo(SAL);
    }

    @Test
    void needsAPositiveThreshold() {
        assertThatThrownBy(() -> new LifecyclePolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
