package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leadflow.events.EngagementType;
import io.leadflow.events.LifecycleStage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadScorerTest {

    private final LeadScorer scorer = new LeadScorer(
            List.of(new EngagementTypeRule(Map.of(
                            EngagementType.PAGE_VIEWED, 5,
                            EngagementType.DEMO_REQUESTED, 60,
                            EngagementType.EMAIL_BOUNCED, -10)),
                    new PricingPageRule("/pricing", 15)),
            new LifecyclePolicy(100));

    @Test
    void aPricingPageViewEarnsTheViewAndTheBonus() {
        // given
        LeadStanding known = scorer.newLead(true);

        // when
        ScoringOutcome outcome = scorer.score(known, Engagements.pageView("e1", "https://example.com/pricing"));

        // then
        assertThat(outcome.entries()).extracting(LedgerEntry::ruleId, LedgerEntry::points)
                .containsExactly(tuple(EngagementTypeRule.ID, 5),
                        tuple(PricingPageRule.ID, 15));
        assertThat(outcome.score()).isEqualTo(20);
    }

    @Test
    void aKnownLeadCrossingTheThresholdBecomesAnMqlOnce() {
        // given a known lead two demo requests away from the threshold
        LeadStanding standing = scorer.newLead(true);
        assertThat(standing.stage()).isEqualTo(LifecycleStage.LEAD);

        // when it requests a demo twice, then bounces an email and views a page
        ScoringOutcome first = scorer.score(standing, Engagements.of("e1", EngagementType.DEMO_REQUESTED));
        ScoringOutcome second = scorer.score(next(first), Engagements.of("e2", EngagementType.DEMO_REQUESTED));
        ScoringOutcome third = scorer.score(next(second), Engagements.of("e3", EngagementType.EMAIL_BOUNCED));
        ScoringOutcome fourth = scorer.score(next(third), Engagements.of("e4", EngagementType.DEMO_REQUESTED));

        // then only the crossing changes the stage, and a later drop below the threshold does not undo it
        assertThat(first.stageChanged()).isFalse();
        assertThat(second.stageChanged()).isTrue();
        assertThat(second.stage()).isEqualTo(LifecycleStage.MQL);
        assertThat(third.score()).isEqualTo(110);
        assertThat(third.stage()).isEqualTo(LifecycleStage.MQL);
        assertThat(third.stageChanged()).isFalse();
        assertThat(fourth.stageChanged()).isFalse();
        assertThat(fourth.counted()).isTrue();
    }

    @Test
    void anAnonymousVisitorScoresButStaysASubscriber() {
        // given
        LeadStanding anonymous = scorer.newLead(false);

        // when
        ScoringOutcome outcome = scorer.score(new LeadStanding(90, anonymous.stage(), false),
                Engagements.of("e1", EngagementType.DEMO_REQUESTED));

        // then
        assertThat(outcome.score()).isEqualTo(150);
        assertThat(outcome.stage()).isEqualTo(LifecycleStage.SUBSCRIBER);
        assertThat(outcome.stageChanged()).isFalse();
    }

    private static LeadStanding next(ScoringOutcome outcome) {
        return new LeadStanding(outcome.score(), outcome.stage(), true);
    }
}
