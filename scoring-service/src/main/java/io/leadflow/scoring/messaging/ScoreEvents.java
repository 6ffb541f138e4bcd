package io.leadflow.scoring.messaging;

import io.leadflow.events.Contribution;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.LeadScored;
import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.LifecycleStage;
import io.leadflow.events.Topics;
import io.leadflow.scoring.domain.Ledger;
import io.leadflow.scoring.domain.LedgerEntry;
import io.leadflow.scoring.domain.ScoringOutcome;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.txmessaging.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The wire events scoring-service publishes about a lead, and their deterministic ids. */
final class ScoreEvents {

    /** How many contributions a stage change carries to sales. */
    static final int TOP_CONTRIBUTIONS = 5;

    private ScoreEvents() {
    }

    /**
     * What to announce once the lead took an engagement's outcome: its new score when some rule gave points, its new
     * stage when it reached one.
     *
     * @param previous the lead's ledger before this engagement
     */
    static List<Outbox.Event> counted(Lead lead, ScoringOutcome outcome, List<LedgerEntry> previous, String eventId, Instant now) {
        List<Outbox.Event> events = new ArrayList<>(2);
        if (outcome.counted()) {
            events.add(new Outbox.Event(Topics.LEAD_SCORES, lead.leadKey(), scoreChangedId(eventId), LeadScored.TYPE,
                    scoreChanged(lead, outcome, eventId, now)));
        }
        if (outcome.stageChanged()) {
            events.add(new Outbox.Event(Topics.LIFECYCLE, lead.leadKey(), stageChangedId(lead), LeadStageChanged.TYPE,
                    stageChanged(lead, outcome, previous, eventId, now)));
        }
        return events;
    }

    /**
     * What to announce once the lead took the result of scoring its whole history afresh: its score when it changed,
     * its stage when it moved.
     *
     * @param ledger the lead's new ledger
     */
    static List<Outbox.Event> rescored(Lead lead, int scoreBefore, LifecycleStage stageBefore, List<LedgerEntry> ledger, String causeId,
            Instant now) {
        List<Outbox.Event> events = new ArrayList<>(2);
        if (lead.score() != scoreBefore) {
            events.add(new Outbox.Event(Topics.LEAD_SCORES, lead.leadKey(), rescoredId(causeId, lead), LeadScored.TYPE,
                    scoreChanged(lead, lead.score() - scoreBefore, causeId, now)));
        }
        if (lead.stage() != stageBefore) {
            events.add(new Outbox.Event(Topics.LIFECYCLE, lead.leadKey(), stageChangedId(lead), LeadStageChanged.TYPE,
                    stageChanged(lead, stageBefore, ledger, causeId, now)));
        }
        return events;
    }

    /**
     * One score change per lead and transaction: of the changes its engagements of one poll caused, the last one's,
     * carrying the lead's score after all of them and their summed delta (the topic is a feed of each lead's latest
     * score, compacted by key: the earlier changes would only be dropped there); every stage change stays.
     *
     * @param events what the lead's engagements of the poll announced, in order
     * @param scoreBefore the lead's score before the first of them
     */
    static List<Outbox.Event> latestScoreOnly(Lead lead, int scoreBefore, List<Outbox.Event> events, Instant now) {
        List<Outbox.Event> kept = new ArrayList<>(events.size());
        Outbox.Event latest = null;
        for (Outbox.Event event : events) {
            if (event.data() instanceof LeadScored) {
                latest = event;
            } else {
                kept.add(event);
            }
        }
        if (latest != null) {
            String cause = ((LeadScored) latest.data()).causeEventId();
            kept.add(new Outbox.Event(latest.topic(), latest.recordKey(), latest.eventId(), latest.ceType(),
                    scoreChanged(lead, lead.score() - scoreBefore, cause, now)));
        }
        return kept;
    }

    /** One score change per counted engagement (the last of a lead's poll): a redelivered engagement yields the same id. */
    static String scoreChangedId(String causeEventId) {
        return DeterministicIds.of(causeEventId, "score");
    }

    /**
     * One event per lead and stage reached, whatever caused it: so an MQL is announced exactly once
     * per qualification (a recycled lead that qualifies again is announced under a new id).
     */
    static String stageChangedId(Lead lead) {
        String leadId = lead.id().toString();
        return lead.stage() == LifecycleStage.MQL && lead.qualifications() > 1
                ? DeterministicIds.of(leadId, lead.stage().name(), String.valueOf(lead.qualifications()))
                : DeterministicIds.of(leadId, lead.stage().name());
    }

    /** A lead's score changed because its whole history was scored afresh: one id per cause and lead. */
    static String rescoredId(String causeId, Lead lead) {
        return DeterministicIds.of(causeId, lead.id().toString(), "score");
    }

    /** A stage change sales asked for: derived from the feedback's event id. */
    static String feedbackStageChangedId(String feedbackEventId) {
        return DeterministicIds.of(feedbackEventId, "stage");
    }

    static LeadScored scoreChanged(Lead lead, ScoringOutcome outcome, String causeEventId, Instant now) {
        return scoreChanged(lead, outcome.delta(), causeEventId, now);
    }

    /** The lead, now at its new score, which moved by {@code delta}. */
    static LeadScored scoreChanged(Lead lead, int delta, String causeEventId, Instant now) {
        return new LeadScored(lead.id().toString(), lead.leadKey(), lead.email(), lead.score(), delta, causeEventId, lead.stage(), now);
    }

    /** @param previous the lead's ledger before this engagement, which added {@code outcome}'s entries */
    static LeadStageChanged stageChanged(Lead lead, ScoringOutcome outcome, List<LedgerEntry> previous, String causeEventId,
            Instant now) {
        return stageChanged(lead, outcome.stageBefore(), Stream.concat(previous.stream(), outcome.entries().stream()).toList(),
                causeEventId, now, outcome.byHandRaise() ? LeadStageChanged.BY_HAND_RAISE : LeadStageChanged.BY_SCORE);
    }

    /** The lead, now in its new stage with its score, moved from {@code from}; {@code ledger} is its whole ledger. */
    static LeadStageChanged stageChanged(Lead lead, LifecycleStage from, List<LedgerEntry> ledger, String causeEventId, Instant now) {
        return stageChanged(lead, from, ledger, causeEventId, now, LeadStageChanged.BY_SCORE);
    }

    private static LeadStageChanged stageChanged(Lead lead, LifecycleStage from, List<LedgerEntry> ledger, String causeEventId, Instant now,
            String reason) {
        List<Contribution> top = new Ledger(ledger).topContributions(TOP_CONTRIBUTIONS).stream()
                .map(entry -> new Contribution(entry.eventId(), entry.type(), entry.ruleId(), entry.points(), entry.occurredAt()))
                .toList();
        return new LeadStageChanged(lead.id().toString(), lead.leadKey(), lead.email(), from, lead.stage(), lead.score(), top,
                lead.traits(), causeEventId, now, reason);
    }
}
