package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.events.EngagementType;
import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.EventCondition;
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
    void aCustomEventOfItsNameIsAHandRaise() {
        LifecyclePolicy raising = new LifecyclePolicy(new Lifecycle.Threshold(100, Grade.B), List.of(), List.of(
                new Lifecycle.HandRaise(EngagementType.CUSTOM, null, "Contact Sales Clicked")));

        assertThat(raising.isHandRaise(new Engagement("e1", EngagementType.CUSTOM, Engagements.NOON, Map.of(), Map.of(), false,
                "contact sales clicked"))).isTrue();
        assertThat(raising.isHandRaise(new Engagement("e2", EngagementType.CUSTOM, Engagements.NOON, Map.of(), Map.of(), false,
                "Pricing Calculator Used"))).isFalse();
    }

    @Test
    void aHandRaiseQualifiesAKnownLeadWhoseFitIsThereWhateverItsScore() {
        // given a model where a demo request, and a contact-sales form, are hand-raises
        LifecyclePolicy raising = new LifecyclePolicy(new Lifecycle.Threshold(100, Grade.B), List.of(), List.of(
                new Lifecycle.HandRaise(EngagementType.DEMO_REQUESTED, null),
                new Lifecycle.HandRaise(EngagementType.FORM_SUBMITTED, new EventCondition(null, null, "contact-sales", null))));
        Engagement demo = Engagements.with("e1", EngagementType.DEMO_REQUESTED, Map.of("formId", "demo"));
        Engagement newsletter = Engagements.with("e2", EngagementType.FORM_SUBMITTED, Map.of("formId", "newsletter"));
        assertThat(raising.isHandRaise(demo)).isTrue();
        assertThat(raising.isHandRaise(newsletter)).isFalse();
        assertThat(raising.isHandRaise(Engagements.with("e3", EngagementType.FORM_SUBMITTED, Map.of("formId", "contact-sales")))).isTrue();

        // then a known lead of grade B at 20 points qualifies at once, and says it was the hand-raise
        assertThat(raising.stageAfter(LifecycleStage.LEAD, true, 20, Grade.B, Map.of(), true)).isEqualTo(LifecycleStage.MQL);
        assertThat(raising.qualifiesByHandRaise(LifecycleStage.LEAD, true, 20, Grade.B, Map.of())).isTrue();
        // and a recycled lead too
        assertThat(raising.stageAfter(LifecycleStage.RECYCLED, true, 0, Grade.A, Map.of(), true)).isEqualTo(LifecycleStage.MQL);
        // but not one whose fit is not there, nor an anonymous visitor, nor one already past MQL
        assertThat(raising.stageAfter(LifecycleStage.LEAD, true, 20, Grade.C, Map.of(), true)).isEqualTo(LifecycleStage.LEAD);
        assertThat(raising.stageAfter(LifecycleStage.SUBSCRIBER, false, 20, Grade.A, Map.of(), true)).isEqualTo(LifecycleStage.SUBSCRIBER);
        assertThat(raising.qualifiesByHandRaise(LifecycleStage.SQL, true, 20, Grade.A, Map.of())).isFalse();
        // and a lead whose score meets the thresholds anyway qualifies by its score
        assertThat(raising.qualifiesByHandRaise(LifecycleStage.LEAD, true, 120, Grade.B, Map.of())).isFalse();
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
