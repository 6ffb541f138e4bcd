package io.leadflow.scoring.domain;

import java.util.List;

/** The scoring model: every rule evaluates an engagement, and the aggregator turns the results into the outcome. */
public final class LeadScorer {

    private final List<ScoringRule> rules;
    private final ScoreAggregator aggregator;
    private final LifecyclePolicy lifecycle;

    public LeadScorer(List<ScoringRule> rules, LifecyclePolicy lifecycle) {
        this.rules = List.copyOf(rules);
        this.aggregator = new ScoreAggregator(lifecycle);
        this.lifecycle = lifecycle;
    }

    public ScoringOutcome score(LeadStanding before, Engagement engagement) {
        List<RuleResult> results = rules.stream()
                .flatMap(rule -> rule.evaluate(engagement).stream())
                .toList();
        return aggregator.aggregate(before, engagement, results);
    }

    /** The standing of a lead seen for the first time. */
    public LeadStanding newLead(boolean identified) {
        return new LeadStanding(0, lifecycle.initialStage(identified), identified);
    }
}
