package io.leadflow.scoring.domain;

import io.leadflow.scoring.domain.model.Decay;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the rules' results for one engagement into ledger entries, the new score and the stage
 * decision. The single place where points become score, so the ledger always adds up.
 */
public final class ScoreAggregator {

    private final int modelVersion;
    private final Decay decay;
    private final LifecyclePolicy lifecycle;

    public ScoreAggregator(int modelVersion, Decay decay, LifecyclePolicy lifecycle) {
        this.modelVersion = modelVersion;
        this.decay = decay;
        this.lifecycle = lifecycle;
    }

    public ScoringOutcome aggregate(LeadStanding before, Engagement engagement, List<LedgerEntry> history, List<RuleResult> results,
            Map<String, Object> traits, FitScore fit) {
        requireDistinctRules(results);
        List<LedgerEntry> entries = results.stream()
                .filter(result -> result.points() != 0)
                .map(result -> LedgerEntry.of(engagement, result, decay.halfLifeOf(engagement.type()), modelVersion))
                .toList();
        Instant asOf = before.scoredAsOf() == null || engagement.occurredAt().isAfter(before.scoredAsOf())
                ? engagement.occurredAt() : before.scoredAsOf();
        // the ledger's sums moved forward to this engagement, then with its entries: no pass over the whole ledger
        DecayedTotal kept = before.decayedOf(history);
        DecayedTotal without = kept == null ? DecayedTotal.of(history, asOf) : kept.at(asOf);
        DecayedTotal with = without.plus(entries);
        int score = with.score();
        boolean handRaise = lifecycle.isHandRaise(engagement);
        // a hand-raise qualifies a lead whose fit is there at once: it asked for sales
        boolean byHandRaise = handRaise && lifecycle.qualifiesByHandRaise(before.stage(), before.identified(), score, fit.grade(), traits);
        return new ScoringOutcome(entries, without.score(), score, asOf, fit, traits, before.stage(),
                lifecycle.stageAfter(before.stage(), before.identified(), score, fit.grade(), traits, handRaise), with, byHandRaise);
    }

    /** The lead's standing once its traits (and so its fit) changed without an engagement: the score stays as it was. */
    public ScoringOutcome reassess(LeadStanding before, List<LedgerEntry> history, Map<String, Object> traits, FitScore fit) {
        DecayedTotal kept = before.decayedOf(history);
        int score = kept == null ? 0 : kept.score();
        return new ScoringOutcome(List.of(), score, score, before.scoredAsOf(), fit, traits, before.stage(),
                lifecycle.stageAfter(before.stage(), before.identified(), score, fit.grade(), traits), kept, false);
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
