package io.leadflow.scoring.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the rules' results for one engagement into ledger entries, the new score and the stage
 * decision. The single place where points become score, so the ledger always adds up.
 */
public final class ScoreAggregator {

    private final LifecyclePolicy lifecycle;

    public ScoreAggregator(LifecyclePolicy lifecycle) {
        this.lifecycle = lifecycle;
    }

    public ScoringOutcome aggregate(LeadStanding before, Engagement engagement, List<RuleResult> results) {
        requireDistinctRules(results);
        List<LedgerEntry> entries = results.stream()
                .filter(result -> result.points() != 0)
                .map(result -> LedgerEntry.of(engagement, result))
                .toList();
        int score = before.score() + entries.stream().mapToInt(LedgerEntry::points).sum();
        return new ScoringOutcome(entries, before.score(), score, before.stage(),
                lifecycle.stageAfter(before.stage(), before.identified(), score));
    }

    // the ledger holds one entry per event and rule: two results of one rule would break that key
    private static void requireDistinctRules(List<RuleResult> results) {
        Set<String> seen = new HashSet<>();
        for (RuleResult result : results) {
            if (!seen.add(result.ruleId())) {
                throw new IllegalStateException("rule " + result.ruleId() + " gave two results for one engagement");
            }
        }
    }
}
