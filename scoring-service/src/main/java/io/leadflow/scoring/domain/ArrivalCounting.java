package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts a lead's new engagements one after another, in the order they happened (arrival order among engagements of
 * one moment), each exactly as if it had come alone: one on time is scored on top of the ledger; one that happened
 * before points already counted makes the lead's whole history (the new engagements before it included) be scored
 * afresh in time order, because caps count the window ending at each event and a score must not depend on the order
 * of arrival. Only the ledger from that engagement on can change, so only that part is to be written again. A lead's
 * {@link RescoreCheckpoint} lets such a re-score start a lag behind its latest event instead of at its first one.
 */
public final class ArrivalCounting {

    private ArrivalCounting() {
    }

    /** What counting one engagement did. */
    public sealed interface Step permits Counted, Recounted {

        Engagement engagement();
    }

    /**
     * Scored on top of the ledger.
     *
     * @param ledgerBefore the ledger it was scored on when it changed the lead's stage (that announcement names the
     *     ledger's top contributions), else empty: copying a hot lead's ledger for each of its engagements would cost
     *     more than scoring them
     */
    public record Counted(Engagement engagement, ScoringOutcome outcome, List<LedgerEntry> ledgerBefore) implements Step {
    }

    /**
     * It arrived late: the history was scored afresh, and the lead moved from {@code stageBefore} to {@code stage}
     * (see {@link LeadScorer#stageAfterRescoring}).
     */
    public record Recounted(Engagement engagement, HistoryRescorer.Rescored rescored, LifecycleStage stageBefore, LifecycleStage stage)
            implements Step {

        public boolean stageChanged() {
            return stage != stageBefore;
        }
    }

    /**
     * @param steps one per engagement, in the order they happened
     * @param ledger the lead's whole ledger afterwards
     * @param rescoredFrom when some engagement arrived late, the moment the earliest of them happened: the stored
     *     entries of events from then on are replaced by {@link #rescoredPart}, the earlier ones stay as they are (a
     *     fresh re-score gives them again, since nothing before them changed); null when {@code ledger} only extends
     *     the stored one
     * @param checkpoint the lead's checkpoint afterwards: the one it had while the engagements left what it stands for
     *     alone, the latest re-score's, or null
     */
    public record Result(List<Step> steps, List<LedgerEntry> ledger, Instant rescoredFrom, RescoreCheckpoint checkpoint) {

        public boolean replaced() {
            return rescoredFrom != null;
        }

        /** The entries of {@code ledger} of events that happened at or after {@code rescoredFrom}. */
        public List<LedgerEntry> rescoredPart() {
            if (rescoredFrom == null) {
                throw new IllegalStateException("nothing was re-scored");
            }
            return ledger.stream().filter(entry -> !entry.occurredAt().isBefore(rescoredFrom)).toList();
        }
    }

    /**
     * False when none of the engagements can arrive late, so that counting them needs no stored history: each
     * happened no earlier than every ledger entry (their order among themselves does not matter, they are counted in
     * time order).
     */
    public static boolean mayArriveLate(List<LedgerEntry> ledger, List<Engagement> engagements) {
        Instant latest = ledger.stream().map(LedgerEntry::occurredAt).max(Comparator.naturalOrder()).orElse(Instant.MIN);
        return engagements.stream().anyMatch(engagement -> engagement.occurredAt().isBefore(latest));
    }

    /**
     * @param standing where the lead stands before the first of them
     * @param ledger its stored ledger, oldest engagement first; when {@code standing} keeps its decayed sums, the part
     *     {@link LeadScorer#ledgerNeeded} names is enough, except for a stage change's {@link Counted#ledgerBefore}
     *     (with its checkpoint: the entries up to the checkpoint's moment that caps read, too)
     * @param history its stored history after its checkpoint; read when {@link #mayArriveLate} is true, and then with a
     *     checkpoint only when it {@link RescoreCheckpoint#servesFor serves for} the engagements
     * @param engagements the new engagements in arrival order; concurrent requests about one lead often reach the
     *     topic a few milliseconds out of order, which counting them in time order absorbs at no cost
     * @param checkpointLag how far behind the lead's latest event a re-score keeps its checkpoint
     */
    public static Result count(LeadScorer scorer, LeadStanding standing, List<LedgerEntry> ledger, StoredHistory history,
            List<Engagement> engagements, Duration checkpointLag) {
        RescoreCheckpoint from = history.checkpoint();
        if (history.read() && from != null && !from.servesFor(scorer, engagements)) {
            throw new IllegalArgumentException("the checkpoint of " + from.through() + " does not serve for these engagements");
        }
        RescoreCheckpoint checkpoint = from != null && from.modelVersion() == scorer.version() ? from : null;
        List<LedgerEntry> current = new ArrayList<>(ledger);
        List<RecordedEvent> events = history.read() ? new ArrayList<>(history.after()) : null;
        List<Step> steps = new ArrayList<>(engagements.size());
        Instant rescoredFrom = null;
        // a stable sort: engagements of one moment keep their arrival order, as the history's order has them
        List<Engagement> inTimeOrder = engagements.stream().sorted(Comparator.comparing(Engagement::occurredAt)).toList();
        for (int i = 0; i < inTimeOrder.size(); i++) {
            Engagement engagement = inTimeOrder.get(i);
            if (checkpoint != null && !engagement.occurredAt().isAfter(checkpoint.through())) {
                // it belongs before the checkpoint's moment, which then no longer stands for the history up to it
                checkpoint = null;
            }
            if (events != null) {
                events.add(new RecordedEvent(engagement, 1));
            }
            if (arrivedLate(engagement, current)) {
                if (events == null) {
                    throw new IllegalArgumentException("engagement " + engagement.eventId() + " arrived late: the history is needed");
                }
                // arrival order among events of one moment: the sort is stable and the new events come last
                events.sort(Comparator.comparing(recorded -> recorded.event().occurredAt()));
                // a checkpoint stands for every event up to its moment: it must come before the engagements still to count
                Instant checkpointUpTo = RescoreCheckpoint.latestFor(events.get(events.size() - 1).event().occurredAt(), checkpointLag);
                if (i + 1 < inTimeOrder.size()) {
                    checkpointUpTo = min(checkpointUpTo, inTimeOrder.get(i + 1).occurredAt().minusNanos(1));
                }
                List<LedgerEntry> ledgerBefore = from == null ? List.of()
                        : current.stream().filter(entry -> !entry.occurredAt().isAfter(from.through())).toList();
                HistoryRescorer.Rescored rescored = HistoryRescorer.rescore(scorer, standing.email(), from, ledgerBefore, events, checkpointUpTo);
                LifecycleStage stage = scorer.stageAfterRescoring(standing.stage(), rescored, standing.identified());
                steps.add(new Recounted(engagement, rescored, standing.stage(), stage));
                current = new ArrayList<>(rescored.ledger());
                standing = new LeadStanding(stage, standing.email(), rescored.traits(), rescored.asOf(), rescored.decayed());
                rescoredFrom = rescoredFrom == null ? engagement.occurredAt() : rescoredFrom;
                checkpoint = rescored.checkpoint();
            } else {
                ScoringOutcome outcome = scorer.score(standing, engagement, current);
                steps.add(new Counted(engagement, outcome, outcome.stageChanged() ? List.copyOf(current) : List.of()));
                current.addAll(outcome.entries());
                standing = standing.after(outcome);
            }
        }
        return new Result(steps, current, rescoredFrom, checkpoint);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static boolean arrivedLate(Engagement engagement, List<LedgerEntry> ledger) {
        return ledger.stream().anyMatch(entry -> entry.occurredAt().isAfter(engagement.occurredAt()));
    }
}
