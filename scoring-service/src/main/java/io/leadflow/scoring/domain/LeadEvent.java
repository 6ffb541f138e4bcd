package io.leadflow.scoring.domain;

import java.time.Instant;
import java.util.List;

/**
 * One item of a lead's stored history: an engagement, or the lead making itself known. Replaying a
 * history under a scoring model (see {@link HistoryRescorer}) gives each item to the model in turn.
 */
public sealed interface LeadEvent permits Engagement, Identification {

    /** The CloudEvent id of the event: its identity in the history and the ledger. */
    String eventId();

    Instant occurredAt();

    /** What the lead's standing becomes when {@code scorer} counts this event on top of {@code ledger}. */
    ScoringOutcome scoredBy(LeadScorer scorer, LeadStanding before, List<LedgerEntry> ledger);
}
