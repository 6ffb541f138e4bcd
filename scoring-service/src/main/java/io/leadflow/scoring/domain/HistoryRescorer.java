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
     * @param ledger the ledger it builds, each entry at the weight its event keeps (from a checkpoint: the stored entries
     *     up to it that were given, then the entries of the events after it)
     * @param score the engagement score as of {@code asOf}
     * @param asOf the latest engagement's time, or null when there was none
     * @param fit the fit of the traits the history told
     * @param traits the traits the history told
     * @param stage the stage scoring alone reaches (SUBSCRIBER, LEAD or MQL); see
     *     {@link LeadScorer#stageAfterRescoring} for the stage a lead takes
     * @param decayed the ledger's decayed sums as of {@code asOf}, or null when there was no engagement
     * @param checkpoint where it stood at the latest moment it was asked to keep one for, or null
     */
    public record Rescored(List<LedgerEntry> ledger, int score, Instant asOf, FitScore fit, Map<String, Object> traits,
            LifecycleStage stage, DecayedTotal decayed, RescoreCheckpoint checkpoint) {

        public Rescored {
            ledger = List.copyOf(ledger);
        }
    }

    /**
     * @param email the lead's normalized email, or null for an anonymous lead
     * @param history its events in the order they are to be counted (the order they happened)
     */
    public static Rescored rescore(LeadScorer scorer, String email, List<RecordedEvent> history) {
        return rescore(scorer, email, null, List.of(), history, null);
    }

    /**
     * @param from the checkpoint to start from, or null: from a lead that knows nothing yet
     * @param ledgerBefore the stored ledger entries up to {@code from}'s moment that caps read (empty without one)
     * @param events the events after {@code from}'s moment in the order they happened
     * @param checkpointUpTo keep a checkpoint of the latest moment no later than this (null: keep none); every event
     *     of the history up to it must be in {@code events}
     */
    public static Rescored rescore(LeadScorer scorer, String email, RescoreCheckpoint from, List<LedgerEntry> ledgerBefore,
            List<RecordedEvent> events, Instant checkpointUpTo) {
        LeadStanding standing = from == null ? new LeadStanding(scorer.initialStage(email != null), email, Map.of(), null) : from.standing();
        DecayedTotal sumsBefore = standing.decayed();
        FitScore fit = scorer.fitOf(standing.traits(), email);
        List<LedgerEntry> ledger = new ArrayList<>(ledgerBefore);
        List<LedgerEntry> weighted = new ArrayList<>();
        RescoreCheckpoint checkpoint = checkpointUpTo == null ? null : from;
        boolean fullWeight = true;
        for (RecordedEvent recorded : events) {
            ScoringOutcome outcome = recorded.event().scoredBy(scorer, standing, ledger);
            ledger.addAll(outcome.entries());
            // caps and stage decisions see the points as they were when the event came; the weight is what is left now
            outcome.entries().forEach(entry -> weighted.add(entry.reweighted(recorded.weight())));
            standing = standing.after(outcome);
            fit = outcome.fit();
            fullWeight &= recorded.weight() == 1;
            Instant at = recorded.event().occurredAt();
            if (checkpointUpTo != null && fullWeight && !at.isAfter(checkpointUpTo) && (standing.scoredAsOf() == null || standing.decayed() != null)) {
                checkpoint = new RescoreCheckpoint(scorer.version(), at, standing);
            }
        }
        Instant asOf = standing.scoredAsOf();
        // a checkpoint's sums are those of the full-weight entries before it, moved on to the latest engagement
        DecayedTotal decayed = asOf == null ? null : (sumsBefore == null ? DecayedTotal.empty(asOf) : sumsBefore.at(asOf)).plus(weighted);
        List<LedgerEntry> built = new ArrayList<>(ledgerBefore);
        built.addAll(weighted);
        return new Rescored(built, decayed == null ? 0 : decayed.score(), asOf, fit, standing.traits(), standing.stage(), decayed,
                checkpoint);
    }
}
