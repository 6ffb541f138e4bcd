package io.leadflow.scoring.rest;

import io.leadflow.events.EngagementType;
import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.LedgerEntry;
import io.leadflow.scoring.persistence.Lead;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lead as the API shows it: its score and the ledger that explains it (the points add up to the score).
 *
 * @param id the lead's id
 * @param leadKey its record key on the topics
 * @param email its email
 * @param score its engagement score
 * @param stage its lifecycle stage
 * @param traits its profile traits
 * @param ledger every engagement that counted, oldest first
 */
public record LeadView(String id, String leadKey, String email, int score, LifecycleStage stage, Map<String, Object> traits,
        List<LedgerLine> ledger) {

    /**
     * Points one rule gave for one engagement.
     *
     * @param eventId the engagement's event id
     * @param type what the lead did
     * @param rule the scoring rule
     * @param points the points it gave
     * @param reason why
     * @param occurredAt when the engagement happened
     */
    public record LedgerLine(String eventId, EngagementType type, String rule, int points, String reason, Instant occurredAt) {

        static LedgerLine of(LedgerEntry entry) {
            return new LedgerLine(entry.eventId(), entry.type(), entry.ruleId(), entry.points(), entry.reason(), entry.occurredAt());
        }
    }

    static LeadView of(Lead lead, List<LedgerEntry> ledger) {
        return new LeadView(lead.id().toString(), lead.leadKey(), lead.email(), lead.score(), lead.stage(), lead.traits(),
                ledger.stream().map(LedgerLine::of).toList());
    }
}
