package io.leadflow.scoring.rest;

import io.leadflow.events.EngagementType;
import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.DecayedLedger;
import io.leadflow.scoring.domain.LedgerEntry;
import io.leadflow.scoring.domain.model.Grade;
import io.leadflow.scoring.persistence.Lead;
import java.time.Instant;
import java.util.List;

/**
 * A lead's score explained, as of a moment (now): the engagement score decayed to that moment and
 * every ledger entry that makes it up; the entries' {@code decayedPoints} add up to
 * {@code engagementScore} exactly (largest-remainder rounding, see the README).
 *
 * @param leadId the lead's id
 * @param asOf the moment the engagement score is computed for
 * @param engagementScore the engagement score at {@code asOf}
 * @param fitScore the fit score
 * @param grade the fit grade
 * @param stage the lifecycle stage
 * @param entries every contributing ledger entry, oldest first
 */
public record LeadScoreView(String leadId, Instant asOf, int engagementScore, int fitScore, Grade grade, LifecycleStage stage,
        List<Entry> entries) {

    /**
     * One ledger entry's part in the score.
     *
     * @param eventId the engagement's event id
     * @param type what the lead did
     * @param rule the rule that gave the points
     * @param rawPoints the points it gave
     * @param decayedPoints what is left of them at {@code asOf}
     * @param occurredAt when the engagement happened
     * @param modelVersion the scoring model version that gave them
     * @param reason why, in words
     */
    public record Entry(String eventId, EngagementType type, String rule, int rawPoints, int decayedPoints, Instant occurredAt,
            int modelVersion, String reason) {

        static Entry of(DecayedLedger.DecayedEntry decayed) {
            LedgerEntry entry = decayed.entry();
            return new Entry(entry.eventId(), entry.type(), entry.ruleId(), entry.points(), decayed.decayedPoints(),
                    entry.occurredAt(), entry.modelVersion(), entry.reason());
        }
    }

    static LeadScoreView of(Lead lead, List<LedgerEntry> ledger, Instant asOf) {
        DecayedLedger decayed = DecayedLedger.asOf(ledger, asOf);
        return new LeadScoreView(lead.id().toString(), asOf, decayed.score(), lead.fitScore(), lead.grade(), lead.stage(),
                decayed.entries().stream().map(Entry::of).toList());
    }
}
