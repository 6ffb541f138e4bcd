package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.events.EngagementType;
import io.leadflow.events.LifecycleStage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreAggregatorTest {

    private final ScoreAggregator aggregator = new ScoreAggregator(new LifecyclePolicy(100));
    private final Engagement pricingView = Engagements.pageView("e1", "https://example.com/pricing");

    @Test
    void turnsEachResultIntoALedgerEntryAndAddsThemToTheScore() {
        // given
        LeadStanding before = new LeadStanding(40, LifecycleStage.LEAD, true);
        List<RuleResult> results = List.of(new RuleResult("engagement-type", 5, "page view"),
                new RuleResult("pricing-page", 15, "pricing"));

        // when
        ScoringOutcome outcome = aggregator.aggregate(before, pricingView, results);

        // then
        assertThat(outcome.entries()).containsExactly(
                new LedgerEntry("e1", EngagementType.PAGE_VIEWED, "engagement-type", 5, "page view", Engagements.NOON),
                new LedgerEntry("e1", EngagementType.PAGE_VIEWED, "pricing-page", 15, "pricing", Engagements.NOON));
        assertThat(outcome.score()).isEqualTo(60);
        assertThat(outcome.delta()).isEqualTo(20);
        assertThat(outcome.counted()).isTrue();
        assertThat(outcome.stageChanged()).isFalse();
    }

    @Test
    void decidesTheStageFromTheNewScore() {
        // when
        ScoringOutcome outcome = aggregator.aggregate(new LeadStanding(90, LifecycleStage.LEAD, true), pricingView,
                List.of(new RuleResult("engagement-type", 10, "click")));

        // then
        assertThat(outcome.stageBefore()).isEqualTo(LifecycleStage.LEAD);
        assertThat(outcome.stage()).isEqualTo(LifecycleStage.MQL);
        assertThat(outcome.stageChanged()).isTrue();
    }

    @Test
    void anEngagementNoRuleScoredIsNotCounted() {
        // when
        ScoringOutcome outcome = aggregator.aggregate(new LeadStanding(30, LifecycleStage.LEAD, true), pricingView,
                List.of(new RuleResult("engagement-type", 0, "worth nothing")));

        // then
        assertThat(outcome.entries()).isEmpty();
        assertThat(outcome.counted()).isFalse();
        assertThat(outcome.score()).isEqualTo(30);
    }

    @Test
    void rejectsTwoResultsOfOneRule() {
        List<RuleResult> twice = List.of(new RuleResult("r", 1, "a"), new RuleResult("r", 2, "b"));

        assertThatThrownBy(() -> aggregator.aggregate(new LeadStanding(0, LifecycleStage.LEAD, true), pricingView, twice))
                .isInstanceOf(IllegalStateException.class);
    }
}
