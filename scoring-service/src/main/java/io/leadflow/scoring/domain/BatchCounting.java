package io.leadflow.scoring.domain;

import java.time.Duration;
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
import java.util.stream.Stream;

/**
 * The plan of counting one batch of engagements, free of I/O: it says what to read, takes what was read, and counts
 * every lead's engagements in arrival order ({@link ArrivalCounting}). The caller runs the reads in this order:
 * {@link #ledgerReads()}, {@link #historyReads()}, then {@link #countAll()}, then {@link #wholeLedgersToRecount()}.
 * It reads as little as counting needs: a lead that keeps its decayed sums only the recent part of its ledger that
 * caps and lateness look at; only a lead one of whose engagements may have arrived late its history (from its
 * checkpoint when that serves); and the whole ledger only of the few leads whose stage changed, since that
 * announcement names the ledger's top contributions.
 *
 * @param <L> the stored lead
 */
public final class BatchCounting<L extends CountedLead> {

    /** The ledgers to read: of {@code partial} leads only the part {@code need} says, of {@code whole} ones all. */
    public record LedgerReads(Set<UUID> partial, LedgerNeed need, List<UUID> whole) {
    }

    /**
     * The histories to read: of the leads in {@code after} the events after their checkpoint (and of those in
     * {@code entriesBefore} also the ledger entries before it that caps read, per {@code need}), of those in
     * {@code whole} every event.
     */
    public record HistoryReads(Map<UUID, Instant> after, List<UUID> entriesBefore, LedgerNeed need, List<UUID> whole) {
    }

    private final Map<L, List<Engagement>> byLead;
    private final Set<L> created;
    private final LeadScorer scorer;
    private final Instant now;
    private final Duration checkpointLag;
    private final Set<UUID> partial;
    private final Map<UUID, List<LedgerEntry>> ledgers = new HashMap<>();
    private final Map<UUID, StoredHistory> histories = new HashMap<>();
    private final Map<UUID, RescoreCheckpoint> checkpoints = new LinkedHashMap<>();
    private final Map<L, ArrivalCounting.Result> results = new LinkedHashMap<>();

    /**
     * @param byLead each lead's engagements in arrival order
     * @param created the leads first seen in this batch: nothing of theirs is stored
     */
    public BatchCounting(Map<L, List<Engagement>> byLead, Set<L> created, LeadScorer scorer, Instant now, Duration checkpointLag) {
        this.byLead = byLead;
        this.created = created;
        this.scorer = scorer;
        this.now = now;
        this.checkpointLag = checkpointLag;
        this.partial = stored().filter(CountedLead::keepsDecayedSums).map(L::id).collect(Collectors.toSet());
    }

    /** Step 1: the stored leads' ledgers counting reads. */
    public LedgerReads ledgerReads() {
        LedgerNeed need = scorer.ledgerNeeded(earliest(byLead.values().stream().flatMap(List::stream).map(Engagement::occurredAt), now));
        List<UUID> whole = stored().map(L::id).filter(lead -> !partial.contains(lead)).toList();
        return new LedgerReads(partial, need, whole);
    }

    /** What step 1 read. */
    public void ledgersRead(Map<UUID, List<LedgerEntry>> read) {
        ledgers.putAll(read);
    }

    /** Step 2: the histories of the leads whose engagements may have arrived late (none may be needed). */
    public HistoryReads historyReads() {
        Map<UUID, Instant> after = new LinkedHashMap<>();
        List<UUID> whole = new ArrayList<>();
        byLead.forEach((lead, engagements) -> {
            if (!ArrivalCounting.mayArriveLate(ledgerOf(lead.id()), engagements)) {
                return;
            }
            RescoreCheckpoint checkpoint = lead.rescoreCheckpoint();
            if (checkpoint != null && checkpoint.servesFor(scorer, engagements)) {
                checkpoints.put(lead.id(), checkpoint);
                after.put(lead.id(), checkpoint.through());
            } else {
                whole.add(lead.id());
            }
        });
        List<UUID> entriesBefore = after.keySet().stream().filter(partial::contains).toList();
        LedgerNeed need = scorer.ledgerNeeded(earliest(checkpoints.values().stream().map(RescoreCheckpoint::through), Instant.EPOCH));
        return new HistoryReads(after, entriesBefore, need, whole);
    }

    /**
     * What step 2 read.
     *
     * @param entriesBefore the ledger entries before the checkpoints that caps read
     * @param after the events after each checkpoint
     * @param whole the whole histories
     */
    public void historiesRead(Map<UUID, List<LedgerEntry>> entriesBefore, Map<UUID, List<RecordedEvent>> after,
            Map<UUID, List<RecordedEvent>> whole, HistoryReads asked) {
        ledgers.putAll(entriesBefore);
        checkpoints.forEach((lead, checkpoint) -> histories.put(lead, new StoredHistory(checkpoint, after.getOrDefault(lead, List.of()))));
        asked.whole().forEach(lead -> histories.put(lead, StoredHistory.whole(whole.getOrDefault(lead, List.of()))));
    }

    /** Step 3: counts every lead's engagements. */
    public void countAll() {
        byLead.forEach((lead, engagements) -> results.put(lead, count(lead, engagements)));
    }

    /**
     * Step 4: the leads that keep their sums and changed stage, whose whole ledgers are to be read and passed to
     * {@link #wholeLedgersRead}: they are counted again on them (the same outcome, since the part read held all that
     * counting uses), so their announcements name the whole ledger's top contributions.
     */
    public List<UUID> wholeLedgersToRecount() {
        return results.entrySet().stream().filter(result -> partial.contains(result.getKey().id()) && changedStage(result.getValue()))
                .map(result -> result.getKey().id()).toList();
    }

    /** What step 4 read. */
    public void wholeLedgersRead(Map<UUID, List<LedgerEntry>> read) {
        ledgers.putAll(read);
        byLead.forEach((lead, engagements) -> {
            if (read.containsKey(lead.id())) {
                results.put(lead, count(lead, engagements));
            }
        });
    }

    /** Each lead's result, in the order the leads were given. */
    public Map<L, ArrivalCounting.Result> results() {
        return results;
    }

    /** The part of a lead's stored ledger that was read (the result's ledger extends it unless it replaced part of it). */
    public List<LedgerEntry> ledgerOf(UUID lead) {
        return ledgers.getOrDefault(lead, List.of());
    }

    /** The entries a lead's result adds to its stored ledger (or, when it re-scored part of it, that part's). */
    public List<LedgerEntry> newEntries(L lead) {
        ArrivalCounting.Result result = results.get(lead);
        if (result.replaced()) {
            return result.rescoredPart();
        }
        return result.ledger().subList(ledgerOf(lead.id()).size(), result.ledger().size());
    }

    private ArrivalCounting.Result count(L lead, List<Engagement> engagements) {
        // a lead whose history was not read keeps its checkpoint unparsed until now
        StoredHistory read = histories.get(lead.id());
        StoredHistory stored = read != null ? read : StoredHistory.unread(lead.rescoreCheckpoint());
        return ArrivalCounting.count(scorer, lead.standing(), ledgerOf(lead.id()), stored, engagements, checkpointLag);
    }

    private Stream<L> stored() {
        return byLead.keySet().stream().filter(lead -> !created.contains(lead));
    }

    private static boolean changedStage(ArrivalCounting.Result result) {
        return result.steps().stream().anyMatch(step -> step instanceof ArrivalCounting.Counted counted
                ? counted.outcome().stageChanged() : ((ArrivalCounting.Recounted) step).stageChanged());
    }

    private static Instant earliest(Stream<Instant> moments, Instant none) {
        return moments.min(Comparator.naturalOrder()).orElse(none);
    }
}
