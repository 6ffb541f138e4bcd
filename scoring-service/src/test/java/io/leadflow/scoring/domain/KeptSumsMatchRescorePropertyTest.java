package io.leadflow.scoring.domain;

import static io.leadflow.scoring.domain.Models.capped;
import static io.leadflow.scoring.domain.Models.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.Decay;
import io.leadflow.scoring.domain.model.EngagementRule;
import io.leadflow.scoring.domain.model.Lifecycle;
import io.leadflow.scoring.domain.model.ScoringModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Property: counting batches as the service does for a lead that keeps its decayed sums, reading only the part of
 * the ledger {@link LeadScorer#ledgerNeeded} names, and re-scoring late arrivals from the lead's checkpoint when it
 * serves, gives the same steps as counting on the whole ledger and history, and the lead's score always equals a fresh
 * re-score of its history and its ledger decayed afresh, whatever arrives late and whatever recycles, model replays and
 * erasures happen in between.
 */
class KeptSumsMatchRescorePropertyTest {

    private static final String EMAIL = "ada@example.com";
    private static final Duration LAG = Duration.ofDays(1);
    private static final Map<String, Object> VP_IN_GB = Map.of("jobTitle", "VP", "country", "GB");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final EngagementType[] TYPES = {EngagementType.PAGE_VIEWED, EngagementType.EMAIL_OPENED,
            EngagementType.EMAIL_CLICKED, EngagementType.CONTENT_DOWNLOADED, EngagementType.DEMO_REQUESTED,
            EngagementType.EMAIL_UNSUBSCRIBED};

    // caps of a day and of a month, three half-lives and downloads that never fade; half the points kept on recycling
    private final LeadScorer first = scorer(1, List.of(
            capped("view", EngagementType.PAGE_VIEWED, 5, 3, Duration.ofDays(1)),
            new EngagementRule("pricing", EngagementType.PAGE_VIEWED, 15, Models.path("/pricing*"),
                    new io.leadflow.scoring.domain.model.Cap(1, Duration.ofDays(30))),
            capped("open", EngagementType.EMAIL_OPENED, 3, 2, Duration.ofDays(1)),
            rule("click", EngagementType.EMAIL_CLICKED, 5),
            rule("download", EngagementType.CONTENT_DOWNLOADED, 10),
            rule("demo", EngagementType.DEMO_REQUESTED, 20),
            rule("unsubscribed", EngagementType.EMAIL_UNSUBSCRIBED, -25)));
    // the model a replay moves to: other points, other caps
    private final LeadScorer second = scorer(2, List.of(
            capped("view", EngagementType.PAGE_VIEWED, 7, 5, Duration.ofDays(2)),
            rule("open", EngagementType.EMAIL_OPENED, 2),
            rule("download", EngagementType.CONTENT_DOWNLOADED, 12),
            rule("demo", EngagementType.DEMO_REQUESTED, 30)));

    private static LeadScorer scorer(int version, List<EngagementRule> rules) {
        Decay decay = new Decay(Map.of("page.viewed", Duration.ofDays(30), "email.opened", Duration.ofDays(14),
                "demo.requested", Duration.ofDays(90), "email.clicked", Duration.ofDays(21)), null);
        return new LeadScorer(version, new ScoringModel(rules, decay, Models.TITLE_FIT,
                new Lifecycle(Models.MQL_AT_100_AND_B.mql(), new Lifecycle.Recycle(50))));
    }

    /** What the service stores about the lead. */
    private static final class StoredLead {
        LeadStanding standing = new LeadStanding(LifecycleStage.LEAD, EMAIL, VP_IN_GB, null);
        List<LedgerEntry> ledger = new ArrayList<>();
        List<RecordedEvent> history = new ArrayList<>();
        RescoreCheckpoint checkpoint;

        List<RecordedEvent> historyInTimeOrder() {
            List<RecordedEvent> ordered = new ArrayList<>(history);
            ordered.sort(Comparator.comparing(recorded -> recorded.event().occurredAt()));
            return ordered;
        }

        void take(HistoryRescorer.Rescored rescored, LifecycleStage stage) {
            ledger = new ArrayList<>(rescored.ledger());
            standing = new LeadStanding(stage, EMAIL, rescored.traits(), rescored.asOf(), rescored.decayed());
            checkpoint = rescored.checkpoint();
        }
    }

    @RepeatedTest(300)
    void keptSumsScoreAsAFreshRescore(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        LeadScorer scorer = first;
        StoredLead lead = new StoredLead();
        List<Engagement> events = engagements(random, 1 + random.nextInt(120));
        for (int next = 0; next < events.size(); ) {
            int roll = random.nextInt(40);
            if (roll == 0 && lead.standing.scoredAsOf() != null) {
                // sales recycles it: the ledger and history keep half their weight, the sums are added up again
                double keeps = scorer.recycleKeeps();
                lead.ledger = new ArrayList<>(lead.ledger.stream().map(entry -> entry.reweighted(keeps)).toList());
                lead.history = new ArrayList<>(lead.history.stream().map(r -> new RecordedEvent(r.event(), r.weight() * keeps)).toList());
                lead.standing = new LeadStanding(LifecycleStage.RECYCLED, EMAIL, lead.standing.traits(), lead.standing.scoredAsOf(),
                        DecayedTotal.of(lead.ledger, lead.standing.scoredAsOf()));
                lead.checkpoint = null;
            } else if (roll == 1) {
                // a model replay scores the history afresh under the other model
                scorer = scorer == first ? second : first;
                List<RecordedEvent> history = lead.historyInTimeOrder();
                HistoryRescorer.Rescored rescored = history.isEmpty() ? HistoryRescorer.rescore(scorer, EMAIL, history)
                        : HistoryRescorer.rescore(scorer, EMAIL, null, List.of(), history,
                                RescoreCheckpoint.latestFor(history.get(history.size() - 1).event().occurredAt(), LAG));
                lead.take(rescored, scorer.stageAfterRescoring(lead.standing.stage(), rescored, true));
            } else if (roll == 2) {
                // erased: what comes later counts for a lead that starts over
                lead = new StoredLead();
            }
            List<Engagement> batch = events.subList(next, Math.min(events.size(), next + 1 + random.nextInt(8)));
            next += batch.size();
            countBatch(scorer, lead, batch);

            HistoryRescorer.Rescored fresh = HistoryRescorer.rescore(scorer, EMAIL, lead.historyInTimeOrder());
            int score = lead.standing.decayed().score();
            assertThat(score).isEqualTo(fresh.score());
            assertThat(score).isEqualTo(DecayedLedger.asOf(lead.ledger, lead.standing.scoredAsOf()).score());
            assertThat(lead.ledger).extracting(LedgerEntry::eventId, LedgerEntry::ruleId, LedgerEntry::weight)
                    .containsExactlyInAnyOrderElementsOf(fresh.ledger().stream()
                            .map(entry -> org.assertj.core.groups.Tuple.tuple(entry.eventId(), entry.ruleId(), entry.weight())).toList());
        }
    }

    // as EngagementCounting does: the part of the ledger that counting needs, the history only when one may be late,
    // from the lead's checkpoint when it serves (with the ledger entries caps read before it)
    private static void countBatch(LeadScorer scorer, StoredLead lead, List<Engagement> batch) {
        Instant earliest = batch.stream().map(Engagement::occurredAt).min(Comparator.naturalOrder()).orElseThrow();
        LedgerNeed need = scorer.ledgerNeeded(earliest);
        List<LedgerEntry> part = lead.ledger.stream().filter(need::includes).toList();
        assertThat(part).allMatch(entry -> entry.occurredAt().isAfter(need.earliest()));
        boolean late = ArrivalCounting.mayArriveLate(part, batch);
        assertThat(late).isEqualTo(ArrivalCounting.mayArriveLate(lead.ledger, batch));
        StoredHistory history = StoredHistory.unread(lead.checkpoint);
        if (late && lead.checkpoint != null && lead.checkpoint.servesFor(scorer, batch)) {
            Instant through = lead.checkpoint.through();
            LedgerNeed needFromCheckpoint = scorer.ledgerNeeded(through);
            part = lead.ledger.stream().filter(needFromCheckpoint::includes).toList();
            history = new StoredHistory(lead.checkpoint,
                    lead.historyInTimeOrder().stream().filter(recorded -> recorded.event().occurredAt().isAfter(through)).toList());
        } else if (late) {
            history = StoredHistory.whole(lead.historyInTimeOrder());
        }

        ArrivalCounting.Result counted = ArrivalCounting.count(scorer, lead.standing, part, history, batch, LAG);
        // the same steps as on the whole ledger and history, with sums added up from it
        LeadStanding withoutSums = new LeadStanding(lead.standing.stage(), EMAIL, lead.standing.traits(), lead.standing.scoredAsOf());
        StoredHistory whole = late ? StoredHistory.whole(lead.historyInTimeOrder()) : StoredHistory.unread(null);
        ArrivalCounting.Result onWhole = ArrivalCounting.count(scorer, withoutSums, lead.ledger, whole, batch, LAG);
        assertThat(counted.steps()).hasSameSizeAs(onWhole.steps());
        for (int i = 0; i < counted.steps().size(); i++) {
            assertSameStep(counted.steps().get(i), onWhole.steps().get(i));
        }
        if (counted.replaced() && counted.checkpoint() != null) {
            // what the checkpoint stands for does not depend on where the re-score started
            assertThat(counted.checkpoint()).isEqualTo(onWhole.checkpoint());
        }
        lead.checkpoint = counted.checkpoint();

        // as the service writes it: a late engagement replaces only the stored entries from its moment on
        lead.ledger = counted.replaced()
                ? concat(lead.ledger.stream().filter(entry -> entry.occurredAt().isBefore(counted.rescoredFrom())).toList(),
                        counted.rescoredPart())
                : concat(lead.ledger, counted.ledger().subList(part.size(), counted.ledger().size()));
        batch.forEach(engagement -> lead.history.add(new RecordedEvent(engagement, 1)));
        for (ArrivalCounting.Step step : counted.steps()) {
            if (step instanceof ArrivalCounting.Counted c) {
                lead.standing = lead.standing.after(c.outcome());
            } else {
                ArrivalCounting.Recounted r = (ArrivalCounting.Recounted) step;
                lead.standing = new LeadStanding(r.stage(), EMAIL, r.rescored().traits(), r.rescored().asOf(), r.rescored().decayed());
            }
        }
    }

    private static void assertSameStep(ArrivalCounting.Step step, ArrivalCounting.Step expected) {
        assertThat(step.getClass()).isEqualTo(expected.getClass());
        if (step instanceof ArrivalCounting.Counted c) {
            ScoringOutcome outcome = ((ArrivalCounting.Counted) expected).outcome();
            assertThat(c.outcome().entries()).isEqualTo(outcome.entries());
            assertThat(c.outcome().scoreBefore()).isEqualTo(outcome.scoreBefore());
            assertThat(c.outcome().score()).isEqualTo(outcome.score());
            assertThat(c.outcome().stage()).isEqualTo(outcome.stage());
        } else {
            ArrivalCounting.Recounted r = (ArrivalCounting.Recounted) step;
            assertThat(r.rescored().score()).isEqualTo(((ArrivalCounting.Recounted) expected).rescored().score());
            assertThat(r.stage()).isEqualTo(((ArrivalCounting.Recounted) expected).stage());
        }
    }

    // mostly in time order over ~90 days, a few swapped so that they arrive late, some at the same second
    private static List<Engagement> engagements(Random random, int count) {
        List<Engagement> events = new ArrayList<>();
        Instant at = START;
        for (int i = 0; i < count; i++) {
            at = at.plusSeconds(random.nextInt(4) == 0 ? 0 : random.nextInt(18 * 3600));
            EngagementType type = TYPES[random.nextInt(TYPES.length)];
            String url = random.nextInt(4) == 0 ? "https://example.com/pricing" : "https://example.com/blog";
            events.add(new Engagement("e" + i, type, at, Map.of("url", url), Map.of(), random.nextInt(20) == 0));
        }
        for (int i = 1; i < count; i++) {
            if (random.nextInt(8) == 0) {
                events.set(i - 1, events.set(i, events.get(i - 1)));
            } else if (i >= 6 && random.nextInt(30) == 0) {
                // days late: before the lead's checkpoint
                events.set(i - 6, events.set(i, events.get(i - 6)));
            }
        }
        return events;
    }

    private static List<LedgerEntry> concat(List<LedgerEntry> ledger, List<LedgerEntry> added) {
        List<LedgerEntry> all = new ArrayList<>(ledger);
        all.addAll(added);
        return all;
    }
}
