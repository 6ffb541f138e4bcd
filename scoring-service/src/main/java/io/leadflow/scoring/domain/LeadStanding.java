package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a lead stands before an engagement is counted.
 *
 * @param stage its lifecycle stage
 * @param email its normalized email, or null while it is anonymous: only a known lead can be handed to sales
 * @param traits its profile traits so far
 * @param scoredAsOf the moment its score was last computed for (the latest engagement's time), or null when never
 * @param decayed its ledger's decayed sums as of {@code scoredAsOf}, or null when they are to be added up from the
 *     ledger (a lead stored before they were kept)
 */
public record LeadStanding(LifecycleStage stage, String email, Map<String, Object> traits, Instant scoredAsOf, DecayedTotal decayed) {

    public LeadStanding {
        Objects.requireNonNull(stage, "stage");
        traits = traits == null ? Map.of() : traits;
        if (decayed != null && !decayed.asOf().equals(scoredAsOf)) {
            throw new IllegalArgumentException("decayed sums as of " + decayed.asOf() + " for a lead scored as of " + scoredAsOf);
        }
    }

    /** A standing whose decayed sums are added up from the ledger when needed. */
    public LeadStanding(LifecycleStage stage, String email, Map<String, Object> traits, Instant scoredAsOf) {
        this(stage, email, traits, scoredAsOf, null);
    }

    /** The standing after an engagement's outcome. */
    public LeadStanding after(ScoringOutcome outcome) {
        return new LeadStanding(outcome.stage(), email, outcome.traits(), outcome.asOf(), outcome.decayed());
    }

    /** Its decayed sums as of {@code scoredAsOf}, from {@code ledger} (its ledger so far) when they were not kept. */
    DecayedTotal decayedOf(List<LedgerEntry> ledger) {
        if (decayed != null) {
            return decayed;
        }
        return scoredAsOf == null ? null : DecayedTotal.of(ledger, scoredAsOf);
    }

    public boolean identified() {
        return email != null;
    }
}
