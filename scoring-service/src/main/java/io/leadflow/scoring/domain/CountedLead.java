package io.leadflow.scoring.domain;

import java.util.UUID;

/** What counting a batch of engagements needs of a stored lead. */
public interface CountedLead {

    UUID id();

    /** Where it stands before the batch. */
    LeadStanding standing();

    /** True when it keeps its ledger's decayed sums, so counting reads only part of its ledger ({@link LedgerNeed}). */
    boolean keepsDecayedSums();

    /** Where a re-score of its history may start, or null: from the beginning. */
    RescoreCheckpoint rescoreCheckpoint();
}
