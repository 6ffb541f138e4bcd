package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What counting one engagement did to a lead.
 *
 * @param entries the new ledger entries, one per rule that gave points
 * @param scoreBefore the engagement score at {@code asOf} without this engagement
 * @param score the engagement score at {@code asOf} with it
 * @param asOf the moment both scores are computed for: the latest engagement's time
 * @param fit the lead's fit after the engagement's traits were merged
 * @param traits the lead's merged traits
 * @param stageBefore the stage before
 * @param stage the stage after
 * @param decayed the ledger's decayed sums as of {@code asOf}, this engagement's entries included (null when the lead
 *     was never scored: an identification before any engagement)
 * @param byHandRaise true when the engagement was a hand-raise that made the lead an MQL its score alone would not
 *     have made
 */
public record ScoringOutcome(List<LedgerEntry> entries, int scoreBefore, int score, Instant asOf, FitScore fit,
        Map<String, Object> traits, LifecycleStage stageBefore, LifecycleStage stage, DecayedTotal decayed, boolean byHandRaise) {

    public ScoringOutcome {
        entries = List.copyOf(entries);
    }

    /** The points the engagement added at {@code asOf} (negative when it took some away). */
    public int delta() {
        return score - scoreBefore;
    }

    /** True when some rule gave points, so the score has a new ledger entry to show. */
    public boolean counted() {
        return !entries.isEmpty();
    }

    public boolean stageChanged() {
        return stage != stageBefore;
    }
}
