package io.leadflow.scoring.messaging;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.config.ActiveScoringModel;
import io.leadflow.scoring.domain.ArrivalCounting;
import io.leadflow.scoring.domain.Engagement;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.domain.LedgerEntry;
import io.leadflow.scoring.domain.LedgerNeed;
import io.leadflow.scoring.domain.RecordedEvent;
import io.leadflow.scoring.messaging.EngagementTopicEvent.Captured;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadHistoryRepository;
import io.leadflow.scoring.persistence.LeadRepository;
import io.leadflow.scoring.persistence.LedgerRepository;
import io.leadflow.txmessaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Counts a batch of engagements inside the caller's transaction, with the active scoring model, in a
 * fixed number of statements whatever the batch's size: the leads are found and locked together
 * ({@link EngagementLeads}), their ledgers (only the recent part caps and lateness need, {@link LedgerNeed}, for
 * leads that keep their decayed sums; and, only where an engagement may have arrived late, their histories) read
 * together, every lead's engagements counted in memory in arrival order
 * ({@link ArrivalCounting}), and the history rows, ledger entries, leads and outbox rows written in bulk.
 */
@ApplicationScoped
class EngagementCounting {

    private final ActiveScoringModel model;
    private final EngagementLeads engagementLeads;
    private final LeadRepository leads;
    private final LedgerRepository ledger;
    private final LeadHistoryRepository history;
    private final Announcements outbox;
    private final Clock clock;

    EngagementCounting(ActiveScoringModel model, EngagementLeads engagementLeads, LeadRepository leads, LedgerRepository ledger,
            LeadHistoryRepository history, Announcements outbox, Clock clock) {
        this.model = model;
        this.engagementLeads = engagementLeads;
        this.leads = leads;
        this.ledger = ledger;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Counts the engagements, in the transaction that records them as processed. */
    Uni<Void> count(List<Captured> batch) {
        LeadScorer scorer = model.scorer();
        Instant now = clock.instant();
        return engagementLeads.find(batch, scorer, now).flatMap(found -> {
            List<Lead> stored = found.byLead().keySet().stream().filter(lead -> !found.created().contains(lead)).toList();
            // a lead that keeps its decayed sums needs only the entries caps and lateness look at
            LedgerNeed need = scorer.ledgerNeeded(found.byLead().values().stream().flatMap(List::stream)
                    .map(Engagement::occurredAt).min(Comparator.naturalOrder()).orElse(now));
            Set<UUID> partial = stored.stream().filter(Lead::keepsDecayedSums).map(Lead::id).collect(Collectors.toSet());
            List<UUID> whole = stored.stream().map(Lead::id).filter(lead -> !partial.contains(lead)).toList();
            return ledger.entriesOf(partial, need).flatMap(parts -> ledger.entriesOf(whole).map(wholes -> merged(parts, wholes)))
                    .flatMap(ledgers -> {
                        Set<UUID> mayBeLate = found.byLead().entrySet().stream()
                                .filter(lead -> ArrivalCounting.mayArriveLate(ledgerOf(ledgers, lead.getKey()), lead.getValue()))
                                .map(lead -> lead.getKey().id())
                                .collect(Collectors.toSet());
                        return history.historiesOf(mayBeLate).flatMap(histories -> {
                            Map<Lead, ArrivalCounting.Result> results = countAll(found.byLead(), ledgers, histories, mayBeLate, scorer);
                            // a stage change announces the top contributions of the whole ledger: those few leads are
                            // counted again on it (the same outcome, since the part read holds all that counting uses)
                            Map<Lead, List<Engagement>> qualified = new LinkedHashMap<>();
                            results.forEach((lead, result) -> {
                                if (partial.contains(lead.id()) && changedStage(result)) {
                                    qualified.put(lead, found.byLead().get(lead));
                                }
                            });
                            if (qualified.isEmpty()) {
                                return write(found, ledgers, results, now);
                            }
                            return ledger.entriesOf(qualified.keySet().stream().map(Lead::id).toList()).flatMap(full -> {
                                Map<UUID, List<LedgerEntry>> all = merged(ledgers, full);
                                results.putAll(countAll(qualified, all, histories, mayBeLate, scorer));
                                return write(found, all, results, now);
                            });
                        });
                    });
        });
    }

    private static Map<Lead, ArrivalCounting.Result> countAll(Map<Lead, List<Engagement>> byLead, Map<UUID, List<LedgerEntry>> ledgers,
            Map<UUID, List<RecordedEvent>> histories, Set<UUID> mayBeLate, LeadScorer scorer) {
        Map<Lead, ArrivalCounting.Result> results = new LinkedHashMap<>();
        byLead.forEach((lead, engagements) -> {
            // only read where an engagement may have arrived late (a new lead has none stored)
            List<RecordedEvent> stored = mayBeLate.contains(lead.id()) ? histories.getOrDefault(lead.id(), List.of()) : null;
            results.put(lead, ArrivalCounting.count(scorer, lead.standing(), ledgerOf(ledgers, lead), stored, engagements));
        });
        return results;
    }

    private Uni<Void> write(EngagementLeads.Found found, Map<UUID, List<LedgerEntry>> ledgers, Map<Lead, ArrivalCounting.Result> results,
            Instant now) {
        Map<UUID, List<Engagement>> recorded = new LinkedHashMap<>();
        Map<UUID, List<LedgerEntry>> newEntries = new LinkedHashMap<>();
        Map<UUID, Instant> rescoredFrom = new LinkedHashMap<>();
        List<Outbox.Event> announcements = new ArrayList<>();
        results.forEach((lead, result) -> {
            int before = ledgerOf(ledgers, lead).size();
            result.steps().forEach(step -> announcements.addAll(apply(lead, step, now)));
            recorded.put(lead.id(), found.byLead().get(lead));
            if (result.replaced()) {
                rescoredFrom.put(lead.id(), result.rescoredFrom());
                newEntries.put(lead.id(), result.rescoredPart());
            } else {
                newEntries.put(lead.id(), result.ledger().subList(before, result.ledger().size()));
            }
        });
        // the re-scored parts' rows go first, so (event, rule) stays unique; new leads before the rows that refer to them
        return ledger.eraseFrom(rescoredFrom)
                .flatMap(erased -> found.created().isEmpty() ? Uni.createFrom().voidItem() : leads.persist(found.created()))
                .flatMap(persisted -> history.record(recorded, now))
                .flatMap(done -> ledger.append(newEntries, now))
                .flatMap(done -> outbox.add(announcements, Announcements.ENGAGEMENT));
    }

    private static boolean changedStage(ArrivalCounting.Result result) {
        return result.steps().stream()
                .anyMatch(step -> step instanceof ArrivalCounting.Counted counted && counted.outcome().stageChanged());
    }

    private static List<LedgerEntry> ledgerOf(Map<UUID, List<LedgerEntry>> ledgers, Lead lead) {
        return ledgers.getOrDefault(lead.id(), List.of());
    }

    private static Map<UUID, List<LedgerEntry>> merged(Map<UUID, List<LedgerEntry>> some, Map<UUID, List<LedgerEntry>> others) {
        Map<UUID, List<LedgerEntry>> all = new HashMap<>(some);
        all.putAll(others);
        return all;
    }

    // the lead takes the step's result; answers what to announce about it
    private static List<Outbox.Event> apply(Lead lead, ArrivalCounting.Step step, Instant now) {
        String eventId = step.engagement().eventId();
        if (step instanceof ArrivalCounting.Counted counted) {
            lead.apply(counted.outcome(), now);
            return ScoreEvents.counted(lead, counted.outcome(), counted.ledgerBefore(), eventId, now);
        }
        ArrivalCounting.Recounted recounted = (ArrivalCounting.Recounted) step;
        LifecycleStage stageBefore = lead.stage();
        int scoreBefore = lead.score();
        lead.rescored(recounted.rescored(), recounted.stage(), now);
        return ScoreEvents.rescored(lead, scoreBefore, stageBefore, recounted.rescored().ledger(), eventId, now);
    }
}
