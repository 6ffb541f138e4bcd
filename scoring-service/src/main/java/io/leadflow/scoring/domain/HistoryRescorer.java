package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores a lead's stored history afresh under one model version: each event is counted in turn,
 * exactly as the consumer counts a new one, from a lead that knows nothing yet. Identity merges,
 * model replays and the what-if preview all use it, so they agree with live scoring by
 * construction.
 */
public final class HistoryRescorer {

    private HistoryRescorer() {
    }

    /**
     * The outcome of scoring a history afresh.
     *
     * @param ledger the ledger it builds, each entry at the weight its event keeps
     * @param score the engagement score as of {@code asOf}
     * @param asOf the latest engagement's time, or null when there was none
     * @param fit the fit of the traits the history told
     * @param traits the traits the history told
     * @param stage the stage scoring alone reaches (SUBSCRIBER, LEAD or MQL); see
     *     {@link LeadScorer#stageAfterRescoring} for the stage a lead takes
     * @param decayed the ledger's decayed sums as of {@code asOf}, or null when there was no engagement
     */
    public record Rescored(List<LedgerEntry> ledger, int score, Instant asOf, FitScore fit, Map<String, Object> traits,
            LifecycleStage stage, DecayedTotal decayed) {

        public Rescored {
            ledger = List.copyOf(ledger);
        }
    }

    /**
     * @param email the lead's normalized email, or null for an anonymous lead
     * @param history its events in the order they are to be counted (the order they happened)
     */
    public static Rescored rescore(LeadScorer scorer, String email, List<RecordedEvent> history) {
        LeadStanding standing = new LeadStanding(scorer.initialStage(email != null), email, Map.of(), null);
        FitScore fit = scorer.fitOf(Map.of(), email);
        List<LedgerEntry> ledger = new ArrayList<>();
        List<LedgerEntry> weighted = new ArrayList<>();
        for (RecordedEvent recorded : history) {
            ScoringOutcome outcome = recorded.event().scoredBy(scorer, standing, ledger);
            ledger.addAll(outcome.entries());
            // caps and stage decisions see the points as they were when the event came; the weight is what is left now
            outcome.entries().forEach(entry -> weighted.add(entry.reweighted(recorded.weight())));
            standing = standing.after(outcome);
            fit = outcome.fit();
        }
        DecayedTotal decayed = standing.scoredAsOf() == null ? null : DecayedTotal.of(weighted, standing.scoredAsOf());
        return new Rescored(weighted, decayed == null ? 0 : decayed.score(), standing.scoredAsOf(), fit, standing.traits(),
                standing.stage(), decayed);
    }
}
