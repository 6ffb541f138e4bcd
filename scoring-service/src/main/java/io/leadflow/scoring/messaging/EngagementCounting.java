package io.leadflow.scoring.messaging;

import io.leadflow.scoring.config.ActiveScoringModel;
import io.leadflow.scoring.domain.ArrivalCounting;
import io.leadflow.scoring.domain.Engagement;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.domain.LedgerEntry;
import io.leadflow.scoring.domain.LedgerNeed;
import io.leadflow.scoring.domain.RescoreCheckpoint;
import io.leadflow.scoring.domain.StoredHistory;
import io.leadflow.scoring.messaging.EngagementTopicEvent.Captured;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadHistoryRepository;
import io.leadflow.scoring.persistence.LeadRows;
import io.leadflow.scoring.persistence.LedgerRepository;
import io.leadflow.txmessaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts a batch of engagements inside the caller's transaction, with the active scoring model, in a
 * fixed number of statements whatever the batch's size: the leads are found and locked together
 * ({@link EngagementLeads}), their ledgers (only the recent part caps and lateness need, {@link LedgerNeed}, for
 * leads that keep their decayed sums) read together; only where an engagement may have arrived late, their histories
 * after their {@link RescoreCheckpoint}s (and the ledger entries caps read before those) too; every lead's engagements
 * are counted in memory in arrival order ({@link ArrivalCounting}), and the history rows, ledger entries, leads and
 * outbox rows written in bulk.
 */
@ApplicationScoped
class EngagementCounting {

    private final ActiveScoringModel model;
    private final EngagementLeads engagementLeads;
    private final LeadRows leadRows;
    private final LedgerRepository ledger;
    private final LeadHistoryRepository history;
    private final Announcements outbox;
    private final Clock clock;
    private final Duration checkpointLag;

    EngagementCounting(ActiveScoringModel model, EngagementLeads engagementLeads, LeadRows leadRows, LedgerRepository ledger,
            LeadHistoryRepository history, Announcements outbox, Clock clock,
            @ConfigProperty(name = "leadflow.scoring.rescore-checkpoint-lag") Duration checkpointLag) {
        this.model = model;
        this.engagementLeads = engagementLeads;
        this.leadRows = leadRows;
        this.ledger = ledger;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
        this.checkpointLag = checkpointLag;
    }

    /**
     * Counts the engagements, in the transaction that records them as processed.
     *
     * @param kept the leads kept in memory, or null to read every lead locked
     * @return the leads written, each with its records' partition
     */
    Uni<Map<Lead, Integer>> count(List<Captured> batch, KeptLeads kept) {
        LeadScorer scorer = model.scorer();
        Instant now = clock.instant();
        return engagementLeads.find(batch, kept, scorer, now).flatMap(found -> {
            List<Lead> stored = found.byLead().keySet().stream().filter(lead -> !found.created().contains(lead)).toList();
            // a lead that keeps its decayed sums needs only the entries caps and lateness look at
            LedgerNeed need = scorer.ledgerNeeded(earliest(found.byLead().values().stream().flatMap(List::stream).map(Engagement::occurredAt), now));
            Set<UUID> partial = stored.stream().filter(Lead::keepsDecayedSums).map(Lead::id).collect(Collectors.toSet());
            List<UUID> whole = stored.stream().map(Lead::id).filter(lead -> !partial.contains(lead)).toList();
            return ledger.entriesOf(partial, need).flatMap(parts -> ledger.entriesOf(whole).map(wholes -> merged(parts, wholes)))
                    .flatMap(ledgers -> {
                        Map<Lead, List<Engagement>> mayBeLate = new LinkedHashMap<>();
                        found.byLead().forEach((lead, engagements) -> {
                            if (ArrivalCounting.mayArriveLate(ledgerOf(ledgers, lead), engagements)) {
                                mayBeLate.put(lead, engagements);
                            }
                        });
                        return historiesOf(mayBeLate, partial, ledgers, scorer).flatMap(read -> {
                            Map<Lead, ArrivalCounting.Result> results = countAll(found.byLead(), read.ledgers(), read.histories(), scorer);
                            // a stage change announces the top contributions of the whole ledger: those few leads are
                            // counted again on it (the same outcome, since the part read holds all that counting uses)
                            Map<Lead, List<Engagement>> qualified = new LinkedHashMap<>();
                            results.forEach((lead, result) -> {
                                if (partial.contains(lead.id()) && changedStage(result)) {
                                    qualified.put(lead, found.byLead().get(lead));
                                }
                            });
                            if (qualified.isEmpty()) {
                                return write(batch, kept, found, read.ledgers(), results, now);
                            }
                            return ledger.entriesOf(qualified.keySet().stream().map(Lead::id).toList()).flatMap(full -> {
                                Map<UUID, List<LedgerEntry>> all = merged(read.ledgers(), full);
                                results.putAll(countAll(qualified, all, read.histories(), scorer));
                                return write(batch, kept, found, all, results, now);
                            });
                        });
                    });
        });
    }

    /** The ledgers, and the stored histories of the leads whose engagements may have arrived late. */
    private record Read(Map<UUID, List<LedgerEntry>> ledgers, Map<UUID, StoredHistory> histories) {
    }

    // a lead whose checkpoint serves re-scores from it: its events after it, and (keeping its sums) the ledger entries
    // caps read before it; the other leads' whole histories
    private Uni<Read> historiesOf(Map<Lead, List<Engagement>> mayBeLate, Set<UUID> partial, Map<UUID, List<LedgerEntry>> ledgers,
            LeadScorer scorer) {
        Map<UUID, RescoreCheckpoint> checkpoints = new LinkedHashMap<>();
        List<UUID> wholeHistories = new ArrayList<>();
        mayBeLate.forEach((lead, engagements) -> {
            RescoreCheckpoint checkpoint = lead.rescoreCheckpoint();
            if (checkpoint != null && checkpoint.servesFor(scorer, engagements)) {
                checkpoints.put(lead.id(), checkpoint);
            } else {
                wholeHistories.add(lead.id());
            }
        });
        List<UUID> partialFromCheckpoint = checkpoints.keySet().stream().filter(partial::contains).toList();
        LedgerNeed need = scorer.ledgerNeeded(earliest(checkpoints.values().stream().map(RescoreCheckpoint::through), Instant.EPOCH));
        Map<UUID, Instant> throughs = new LinkedHashMap<>();
        checkpoints.forEach((lead, checkpoint) -> throughs.put(lead, checkpoint.through()));
        return ledger.entriesOf(partialFromCheckpoint, need)
                .flatMap(before -> history.historiesAfter(throughs).flatMap(after -> history.historiesOf(wholeHistories).map(all -> {
                    Map<UUID, StoredHistory> histories = new HashMap<>();
                    checkpoints.forEach((lead, checkpoint) -> histories.put(lead,
                            new StoredHistory(checkpoint, after.getOrDefault(lead, List.of()))));
                    wholeHistories.forEach(lead -> histories.put(lead, StoredHistory.whole(all.getOrDefault(lead, List.of()))));
                    return new Read(merged(ledgers, before), histories);
                })));
    }

    private Map<Lead, ArrivalCounting.Result> countAll(Map<Lead, List<Engagement>> byLead, Map<UUID, List<LedgerEntry>> ledgers,
            Map<UUID, StoredHistory> histories, LeadScorer scorer) {
        Map<Lead, ArrivalCounting.Result> results = new LinkedHashMap<>();
        byLead.forEach((lead, engagements) -> {
            // only read where an engagement may have arrived late (a new lead has none stored); the checkpoint is
            // parsed from its column only for the leads whose history was not read
            StoredHistory read = histories.get(lead.id());
            StoredHistory stored = read != null ? read : StoredHistory.unread(lead.rescoreCheckpoint());
            results.put(lead, ArrivalCounting.count(scorer, lead.standing(), ledgerOf(ledgers, lead), stored, engagements, checkpointLag));
        });
        return results;
    }

    private static Instant earliest(Stream<Instant> moments, Instant none) {
        return moments.min(Comparator.naturalOrder()).orElse(none);
    }

    /**
     * Writes the leads back first, each only at the version it was read at, so the rest is written only for leads whose
     * rows this transaction now holds; a lead changed elsewhere since it was read (a kept copy gone stale) is forgotten
     * and its engagements are counted again, reading it locked.
     */
    private Uni<Map<Lead, Integer>> write(List<Captured> batch, KeptLeads kept, EngagementLeads.Found found,
            Map<UUID, List<LedgerEntry>> ledgers, Map<Lead, ArrivalCounting.Result> results, Instant now) {
        Map<Lead, List<Outbox.Event>> announcements = new LinkedHashMap<>();
        results.forEach((lead, result) -> {
            int scoreBefore = lead.score();
            List<Outbox.Event> events = new ArrayList<>();
            result.steps().forEach(step -> events.addAll(apply(lead, step, now)));
            lead.keep(result.checkpoint());
            announcements.put(lead, ScoreEvents.latestScoreOnly(lead, scoreBefore, events, now));
        });
        List<Lead> stored = results.keySet().stream().filter(lead -> !found.created().contains(lead)).toList();
        return leadRows.update(stored).flatMap(stale -> {
            Map<Lead, Integer> written = new LinkedHashMap<>();
            Map<UUID, List<Engagement>> recorded = new LinkedHashMap<>();
            Map<UUID, List<LedgerEntry>> newEntries = new LinkedHashMap<>();
            Map<UUID, Instant> rescoredFrom = new LinkedHashMap<>();
            List<Outbox.Event> outboxRows = new ArrayList<>();
            Set<String> recount = new LinkedHashSet<>();
            results.forEach((lead, result) -> {
                if (stale.contains(lead.id())) {
                    found.byLead().get(lead).forEach(engagement -> recount.add(engagement.eventId()));
                    return;
                }
                written.put(lead, found.partitions().get(lead));
                outboxRows.addAll(announcements.get(lead));
                recorded.put(lead.id(), found.byLead().get(lead));
                if (result.replaced()) {
                    rescoredFrom.put(lead.id(), result.rescoredFrom());
                    newEntries.put(lead.id(), result.rescoredPart());
                } else {
                    int before = ledgerOf(ledgers, lead).size();
                    newEntries.put(lead.id(), result.ledger().subList(before, result.ledger().size()));
                }
            });
            // the re-scored parts' rows go first, so (event, rule) stays unique; new leads before the rows that refer to them
            Uni<Void> done = ledger.eraseFrom(rescoredFrom)
                    .flatMap(erased -> leadRows.insert(found.created()))
                    .flatMap(inserted -> history.record(recorded, now))
                    .flatMap(recordedRows -> ledger.append(newEntries, now))
                    .flatMap(appended -> outbox.add(outboxRows, Announcements.ENGAGEMENT));
            if (recount.isEmpty()) {
                return done.replaceWith(written);
            }
            if (kept != null) {
                kept.forget(results.keySet().stream().filter(lead -> stale.contains(lead.id())).map(Lead::leadKey).toList());
            }
            List<Captured> again = batch.stream().filter(engagement -> recount.contains(engagement.id())).toList();
            return done.flatMap(first -> count(again, null)).map(second -> {
                written.putAll(second);
                return written;
            });
        });
    }

    private static boolean changedStage(ArrivalCounting.Result result) {
        return result.steps().stream().anyMatch(step -> step instanceof ArrivalCounting.Counted counted
                ? counted.outcome().stageChanged() : ((ArrivalCounting.Recounted) step).stageChanged());
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
        int scoreBefore = lead.score();
        lead.rescored(recounted.rescored(), recounted.stage(), now);
        return ScoreEvents.rescored(lead, scoreBefore, recounted.stageBefore(), recounted.rescored().ledger(), eventId, now);
    }
}
