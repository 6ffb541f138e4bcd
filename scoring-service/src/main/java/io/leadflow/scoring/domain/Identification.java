package io.leadflow.scoring.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lead made itself known (an identify call): it earns no points, but the traits it tells count
 * towards fit from then on, so it is kept in the lead's history like an engagement.
 *
 * @param eventId the CloudEvent id of the identification
 * @param occurredAt when it happened
 * @param traits what it says about the lead
 */
public record Identification(String eventId, Instant occurredAt, Map<String, Object> traits) implements LeadEvent {

    public Identification {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        traits = traits == null ? Map.of() : Map.copyOf(traits);
    }

    @Override
    public ScoringOutcome scoredBy(LeadScorer scorer, LeadStanding before, List<LedgerEntry> ledger) {
        return scorer.told(before, this, ledger);
    }
}
