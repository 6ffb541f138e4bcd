package io.leadflow.scoring.messaging;

import io.leadflow.scoring.config.ActiveScoringModel;
import io.leadflow.scoring.domain.ArrivalCounting;
import io.leadflow.scoring.domain.BatchCounting;
import io.leadflow.scoring.domain.Engagement;
import io.leadflow.scoring.domain.LedgerEntry;
import io.leadflow.scoring.domain.LeadScorer;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts a batch of engagements inside the caller's transaction, with the active scoring model, in a fixed number of
 * statements whatever the batch's size. What to read and how to count is the domain's {@link BatchCounting}; this
 * class runs its reads and then the writes, one named step each:
 * <ol>
 *   <li>find the leads ({@link EngagementLeads}: kept in memory, or read);</li>
 *   <li>read their ledgers, as far as counting needs;</li>
 *   <li>read the histories of leads one of whose engagements may have arrived late;</li>
 *   <li>count (in memory);</li>
 *   <li>read the whole ledgers of the few leads whose stage changed, and count those again;</li>
 *   <li>write the leads back where their rows did not change meanwhile; then the history rows, ledger entries and
 *   outbox rows of those leads; and count the others' engagements again on their rows as they are now.</li>
 * </ol>
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
            BatchCounting<Lead> counting = new BatchCounting<>(found.byLead(), found.created(), scorer, now, checkpointLag);
            return readLedgers(counting)
                    .flatMap(read -> readLateHistories(counting))
                    .invoke(counting::countAll)
                    .flatMap(counted -> readWholeLedgersOfStageChanges(counting))
                    .flatMap(read -> write(batch, kept, found, counting, now));
        });
    }

    private Uni<Void> readLedgers(BatchCounting<Lead> counting) {
        BatchCounting.LedgerReads reads = counting.ledgerReads();
        return ledger.entriesOf(reads.partial(), reads.need())
                .invoke(counting::ledgersRead)
                .flatMap(parts -> ledger.entriesOf(reads.whole()))
                .invoke(counting::ledgersRead)
                .replaceWithVoid();
    }

    private Uni<Void> readLateHistories(BatchCounting<Lead> counting) {
        BatchCounting.HistoryReads reads = counting.historyReads();
        return ledger.entriesOf(reads.entriesBefore(), reads.need())
                .flatMap(before -> history.historiesAfter(reads.after())
                        .flatMap(after -> history.historiesOf(reads.whole())
                                .invoke(whole -> counting.historiesRead(before, after, whole, reads))))
                .replaceWithVoid();
    }

    private Uni<Void> readWholeLedgersOfStageChanges(BatchCounting<Lead> counting) {
        List<UUID> leads = counting.wholeLedgersToRecount();
        return leads.isEmpty() ? Uni.createFrom().voidItem() : ledger.entriesOf(leads).invoke(counting::wholeLedgersRead).replaceWithVoid();
    }

    /**
     * Writes the leads back first, each only at the version it was read at, so the rest is written only for leads whose
     * rows this transaction now holds; a lead changed elsewhere since it was read (a kept copy gone stale) is forgotten
     * and its engagements are counted again, reading it locked.
     */
    private Uni<Map<Lead, Integer>> write(List<Captured> batch, KeptLeads kept, EngagementLeads.Found found, BatchCounting<Lead> counting,
            Instant now) {
        Map<Lead, List<Outbox.Event>> announcements = new LinkedHashMap<>();
        counting.results().forEach((lead, result) -> {
            int scoreBefore = lead.score();
            List<Outbox.Event> events = new ArrayList<>();
            result.steps().forEach(step -> events.addAll(apply(lead, step, now)));
            lead.keep(result.checkpoint());
            announcements.put(lead, ScoreEvents.latestScoreOnly(lead, scoreBefore, events, now));
        });
        List<Lead> stored = counting.results().keySet().stream().filter(lead -> !found.created().contains(lead)).toList();
        return leadRows.update(stored).flatMap(stale -> {
            Map<Lead, Integer> written = new LinkedHashMap<>();
            Map<UUID, List<Engagement>> recorded = new LinkedHashMap<>();
            Map<UUID, List<LedgerEntry>> newEntries = new LinkedHashMap<>();
            Map<UUID, Instant> rescoredFrom = new LinkedHashMap<>();
            List<Outbox.Event> outboxRows = new ArrayList<>();
            Set<String> recount = new LinkedHashSet<>();
            counting.results().forEach((lead, result) -> {
                if (stale.contains(lead.id())) {
                    found.byLead().get(lead).forEach(engagement -> recount.add(engagement.eventId()));
                    return;
                }
                written.put(lead, found.partitions().get(lead));
                outboxRows.addAll(announcements.get(lead));
                recorded.put(lead.id(), found.byLead().get(lead));
                newEntries.put(lead.id(), counting.newEntries(lead));
                if (result.replaced()) {
                    rescoredFrom.put(lead.id(), result.rescoredFrom());
                }
            });
            // the re-scored parts' rows go first, so the ledger's key stays unique; new leads before the rows that refer to them
            Uni<Void> done = ledger.eraseFrom(rescoredFrom)
                    .flatMap(erased -> leadRows.insert(found.created()))
                    .flatMap(inserted -> history.record(recorded, now))
                    .flatMap(recordedRows -> ledger.append(newEntries, now))
                    .flatMap(appended -> outbox.add(outboxRows, Announcements.ENGAGEMENT));
            if (recount.isEmpty()) {
                return done.replaceWith(written);
            }
            if (kept != null) {
                kept.forget(counting.results().keySet().stream().filter(lead -> stale.contains(lead.id())).map(Lead::leadKey).toList());
            }
            List<Captured> again = batch.stream().filter(engagement -> recount.contains(engagement.id())).toList();
            return done.flatMap(first -> count(again, null)).map(second -> {
                written.putAll(second);
                return written;
            });
        });
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
