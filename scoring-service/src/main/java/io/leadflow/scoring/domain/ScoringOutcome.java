package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import java.util.List;

/**
 * What counting one engagement did to a lead.
 *
 * @param entries the new ledger entries, one per rule that gave points
 * @param scoreBefore the score before
 * @param score the score after: {@code scoreBefore} plus the entries' points
 * @param stageBefore the stage before
 * @param stage the stage after
 */
public record ScoringOutcome(List<LedgerEntry> entries, int scoreBefore, int score, LifecycleStage stageBefore,
        LifecycleStage stage) {

    public ScoringOutcome {
        entries = List.copyOf(entries);
    }

    /** The points the engagement added (negative when it took some away). */
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
