package io.leadflow.scoring.rest;

import io.leadflow.events.EngagementType;
import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.DecayedLedger;
import io.leadflow.scoring.domain.LedgerEntry;
import io.leadflow.scoring.domain.model.Grade;
import io.leadflow.scoring.persistence.Lead;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lead as the API shows it: its scores and the ledger that explains the engagement score. The
 * score was computed as of {@code scoredAsOf} (the latest engagement's time), and the ledger's
 * {@code points} are each entry's points decayed to that moment, so they add up to the score.
 *
 * @param id the lead's id
 * @param leadKey its record key on the topics
 * @param email its email
 * @param score its engagement score as of {@code scoredAsOf}
 * @param scoredAsOf the moment the score was computed for
 * @param fitScore its fit score
 * @param grade its fit grade
 * @param stage its lifecycle stage
 * @param traits its profile traits
 * @param ledger every engagement that counted, oldest first
 */
public record LeadView(String id, String leadKey, String email, int score, Instant scoredAsOf, int fitScore, Grade grade,
        LifecycleStage stage, Map<String, Object> traits, List<LedgerLine> ledger) {

    /**
     * Points one rule gave for one engagement.
     *
     * @param eventId the engagement's event id
     * @param type what the lead did
     * @param rule the scoring rule
     * @param points what is left of its points at the lead's {@code scoredAsOf}
     * @param rawPoints the points the rule gave, before decay
     * @param reason why
     * @param occurredAt when the engagement happened
     * @param modelVersion the scoring model version that gave them
     */
    public record LedgerLine(String eventId, EngagementType type, String rule, int points, int rawPoints, String reason,
            Instant occurredAt, int modelVersion) {

        static LedgerLine of(DecayedLedger.DecayedEntry decayed) {
            LedgerEntry entry = decayed.entry();
            return new LedgerLine(entry.eventId(), entry.type(), entry.ruleId(), decayed.decayedPoints(), entry.points(),
                    entry.reason(), entry.occurredAt(), entry.modelVersion());
        }
    }

    static LeadView of(Lead lead, List<LedgerEntry> ledger) {
        Instant asOf = lead.scoredAsOf() == null ? Instant.EPOCH : lead.scoredAsOf();
        return new LeadView(lead.id().toString(), lead.leadKey(), lead.email(), lead.score(), lead.scoredAsOf(), lead.fitScore(),
                lead.grade(), lead.stage(), lead.traits(),
                DecayedLedger.asOf(ledger, asOf).entries().stream().map(LedgerLine::of).toList());
    }
}
