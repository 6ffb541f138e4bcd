package io.leadflow.scoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * Where a fresh re-score of a lead's history stands once it counted every event up to {@code through}: re-scoring on
 * from here, over the stored ledger entries up to then that caps read and the events after it, gives what re-scoring
 * the whole history gives. A lead keeps one a lag behind its latest event, so that an engagement arriving late by less
 * than that re-scores a hot lead's last moments instead of its whole history. Only a history of full weight has one:
 * recycling reweights what came before and drops it.
 *
 * @param modelVersion the scoring model version it was scored under: under another one it stands for nothing
 * @param through every event of the history up to this moment is counted in it, none after
 * @param standing where scoring alone left the lead then: the stage scoring reaches, the traits, and the decayed sums
 *     as of its latest engagement (none before an engagement)
 */
public record RescoreCheckpoint(int modelVersion, Instant through, LeadStanding standing) {

    public RescoreCheckpoint {
        Objects.requireNonNull(through, "through");
        Objects.requireNonNull(standing, "standing");
        if (standing.scoredAsOf() != null && standing.decayed() == null) {
            throw new IllegalArgumentException("a checkpoint keeps the decayed sums of the engagements it counted");
        }
    }

    /** True when re-scoring under {@code scorer} may start here to count {@code engagements}: all came after it. */
    public boolean servesFor(LeadScorer scorer, Collection<Engagement> engagements) {
        return modelVersion == scorer.version() && engagements.stream().allMatch(engagement -> engagement.occurredAt().isAfter(through));
    }

    /** The latest moment a checkpoint may stand for in a history whose latest event happened at {@code latest}. */
    public static Instant latestFor(Instant latest, Duration lag) {
        return latest.minus(lag);
    }
}
