package io.leadflow.scoring.domain.calibration;

import io.leadflow.scoring.domain.HistoryRescorer;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.domain.LedgerEntry;
import io.leadflow.scoring.domain.RecordedEvent;
import io.leadflow.scoring.domain.RuleResult;
import java.time.Instant;
import java.util.List;

/**
 * What the current model counted of a lead by the moment of its outcome: its stored history up to then scored afresh
 * (as a replay does, so caps apply and a bot's events count for nothing), each ledger entry turned into its rule's
 * feature, decayed to that moment. Every event at full weight: before sales' first verdict nothing was recycled.
 */
public final class OutcomeFeatures {

    private final LeadScorer scorer;
    private final FeatureSpace space;

    public OutcomeFeatures(LeadScorer scorer, FeatureSpace space) {
        this.scorer = scorer;
        this.space = space;
    }

    /**
     * @param email the lead's normalized email, or null
     * @param history its stored events in the order they happened
     * @param at the moment of its outcome
     */
    public LeadFeatures of(String email, List<RecordedEvent> history, Instant at) {
        List<RecordedEvent> before = history.stream()
                .filter(recorded -> !recorded.event().occurredAt().isAfter(at))
                .map(recorded -> new RecordedEvent(recorded.event(), 1))
                .toList();
        HistoryRescorer.Rescored rescored = HistoryRescorer.rescore(scorer, email, before);
        double[] values = new double[space.size()];
        for (LedgerEntry entry : rescored.ledger()) {
            int feature = space.engagementIndex(entry.ruleId());
            if (feature >= 0) {
                values[feature] += entry.decayedAt(at) / entry.points();
            }
        }
        for (RuleResult matched : rescored.fit().matched()) {
            int feature = space.fitIndex(matched.ruleId());
            if (feature >= 0) {
                values[feature] = 1;
            }
        }
        return new LeadFeatures(values, rescored.traits());
    }
}
