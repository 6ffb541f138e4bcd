package io.leadflow.scoring.messaging;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.LeadKeys;
import io.leadflow.events.LeadScored;
import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.Topics;
import io.leadflow.scoring.config.ActiveScoringModel;
import io.leadflow.scoring.domain.Engagement;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.domain.LedgerEntry;
import io.leadflow.scoring.domain.ScoringOutcome;
import io.leadflow.scoring.persistence.ErasedKeyRepository;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadAliasRepository;
import io.leadflow.scoring.persistence.LeadHistoryRepository;
import io.leadflow.scoring.persistence.LeadRepository;
import io.leadflow.scoring.persistence.LedgerRepository;
import io.leadflow.txmessaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Applies one engagement to its lead inside the caller's transaction, with the active scoring
 * model: the lead (created on first sight; an identified visitor's is the known lead), its stored
 * history, its merged traits and fit, the ledger entries, the new score and stage, and the outbox
 * rows that tell the rest of Leadflow.
 */
@ApplicationScoped
public class EngagementScoring {

    private final ActiveScoringModel model;
    private final LeadRepository leads;
    private final LedgerRepository ledger;
    private final LeadHistoryRepository history;
    private final LeadAliasRepository aliases;
    private final ErasedKeyRepository erasure;
    private final LeadRescoring rescoring;
    private final Outbox outbox;
    private final Clock clock;

    public EngagementScoring(ActiveScoringModel model, LeadRepository leads, LedgerRepository ledger,
            LeadHistoryRepository history, LeadAliasRepository aliases, ErasedKeyRepository erasure, LeadRescoring rescoring,
            Outbox outbox, Clock clock) {
        this.model = model;
        this.leads = leads;
        this.ledger = ledger;
        this.history = history;
        this.aliases = aliases;
        this.erasure = erasure;
        this.rescoring = rescoring;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Counts the engagement {@code eventId}; must run in the transaction that records the event as processed. */
    public Uni<Void> count(String eventId, EngagementCaptured captured) {
        Engagement engagement = new Engagement(eventId, captured.type(), captured.occurredAt(), captured.properties(),
                captured.traits(), captured.bot());
        LeadScorer scorer = model.scorer();
        Instant now = clock.instant();
        return leadFor(captured, scorer, now).flatMap(found -> found == null
                ? Uni.createFrom().voidItem()
                : ledgerOf(found).flatMap(previous -> {
                    Lead lead = found.lead();
                    if (arrivedLate(engagement, previous)) {
                        // caps count the window ending at each event, so one that happened before events already counted
                        // changes what they should have been given: count the history again in time order, as a fresh
                        // re-score would, so the score never depends on the order of arrival
                        return history.record(lead.id(), engagement, now)
                                .flatMap(recorded -> rescoring.rescore(lead, scorer, eventId, now)).replaceWithVoid();
                    }
                    ScoringOutcome outcome = scorer.score(lead.standing(), engagement, previous);
                    lead.apply(outcome, now);
                    // a new lead is persisted once scored: one insert, not an insert and then an update
                    Uni<Void> saved = found.created() ? leads.persist(lead).replaceWithVoid() : Uni.createFrom().voidItem();
                    return saved.flatMap(done -> history.record(lead.id(), engagement, now))
                            .flatMap(recorded -> ledger.append(lead.id(), outcome.entries(), now))
                            .flatMap(appended -> publish(lead, outcome, previous, eventId, now));
                }));
    }

    private static boolean arrivedLate(Engagement engagement, List<LedgerEntry> previous) {
        return previous.stream().anyMatch(entry -> entry.occurredAt().isAfter(engagement.occurredAt()));
    }

    /** The lead an engagement counts for, and whether this engagement is creating it (not yet persisted). */
    private record Found(Lead lead, boolean created) {
    }

    // a lead created by this engagement has no ledger yet: no need to ask the database
    private Uni<List<LedgerEntry>> ledgerOf(Found found) {
        return found.created() ? Uni.createFrom().item(List.of()) : ledger.entriesOf(found.lead().id());
    }

    /**
     * The lead the engagement counts for, or null when it happened before that lead was erased. The key is derived
     * here, not taken from the record: one normalized email is one lead whoever sent it.
     */
    private Uni<Found> leadFor(EngagementCaptured captured, LeadScorer scorer, Instant now) {
        String email = captured.email() == null || captured.email().isBlank() ? null : LeadKeys.normalizeEmail(captured.email());
        String key = LeadKeys.of(email, captured.anonymousId());
        if (email != null) {
            return lockOrCreate(key, email, captured.occurredAt(), scorer, now);
        }
        // an identified visitor's later events count for the known lead
        return leads.lockKey(key)
                .flatMap(locked -> aliases.findById(captured.anonymousId().trim()))
                .flatMap(alias -> alias != null
                        ? leads.lockById(alias.leadId()).map(lead -> lead == null ? null : new Found(lead, false))
                        : lockOrCreate(key, null, captured.occurredAt(), scorer, now));
    }

    private Uni<Found> lockOrCreate(String key, String email, Instant occurredAt, LeadScorer scorer, Instant now) {
        return leads.lockByKey(key).flatMap(found -> found != null
                ? Uni.createFrom().item(new Found(found, false))
                : erasure.allowsNewLead(key, occurredAt).map(allowed -> allowed
                        ? new Found(new Lead(key, email, scorer.initialStage(email != null), now), true)
                        : null));
    }

    private Uni<Void> publish(Lead lead, ScoringOutcome outcome, List<LedgerEntry> previous, String eventId, Instant now) {
        Uni<Void> scoreChanged = outcome.counted()
                ? addToOutbox(Topics.LEAD_SCORES, lead, ScoreEvents.scoreChangedId(eventId), LeadScored.TYPE,
                        ScoreEvents.scoreChanged(lead, outcome, eventId, now))
                : Uni.createFrom().voidItem();
        if (!outcome.stageChanged()) {
            return scoreChanged;
        }
        return scoreChanged.flatMap(done -> addToOutbox(Topics.LIFECYCLE, lead, ScoreEvents.stageChangedId(lead),
                LeadStageChanged.TYPE, ScoreEvents.stageChanged(lead, outcome, previous, eventId, now)));
    }

    private Uni<Void> addToOutbox(String topic, Lead lead, String eventId, String type, Object data) {
        return outbox.add(topic, lead.leadKey(), eventId, type, data);
    }
}
