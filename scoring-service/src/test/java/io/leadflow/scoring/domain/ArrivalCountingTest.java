package io.leadflow.scoring.domain;

import static io.leadflow.scoring.domain.Models.capped;
import static io.leadflow.scoring.domain.Models.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.Decay;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArrivalCountingTest {

    private static final String EMAIL = "ada@example.com";
    private static final Duration LAG = Duration.ofSeconds(90);

    // at most 2 opens a day count: which ones depends on the time order, not the order of arrival
    private final LeadScorer scorer = new LeadScorer(1, Models.model(List.of(
            rule("view", EngagementType.PAGE_VIEWED, 5),
            capped("open", EngagementType.EMAIL_OPENED, 3, 2, Duration.ofDays(1))),
            new Decay(Map.of(), Duration.ofDays(30))));
    private final LeadStanding fresh = new LeadStanding(LifecycleStage.LEAD, EMAIL, Map.of(), null);

    private final Engagement first = Engagements.at("e1", EngagementType.EMAIL_OPENED, Engagements.NOON);
    private final Engagement second = Engagements.at("e2", EngagementType.EMAIL_OPENED, Engagements.NOON.plusSeconds(60));
    private final Engagement third = Engagements.at("e3", EngagementType.EMAIL_OPENED, Engagements.NOON.plusSeconds(120));
    private final Engagement view = Engagements.at("e4", EngagementType.PAGE_VIEWED, Engagements.NOON.plusSeconds(180));

    @Test
    void engagementsInTimeOrderAreCountedOnTopOfTheLedgerWithoutTheHistory() {
        // given engagements that arrive in the order they happened
        List<Engagement> batch = List.of(first, second, third, view);
        assertThat(ArrivalCounting.mayArriveLate(List.of(), batch)).isFalse();

        // when they are counted, with no history read
        ArrivalCounting.Result result = ArrivalCounting.count(scorer, fresh, List.of(), StoredHistory.unread(null), batch, LAG);

        // then each is a step of its own on the ledger so far, and the cap held back the third open
        assertThat(result.replaced()).isFalse();
        assertThat(result.steps()).allMatch(step -> step instanceof ArrivalCounting.Counted);
        assertThat(result.ledger()).extracting(LedgerEntry::eventId).containsExactly("e1", "e2", "e4");
        ArrivalCounting.Counted last = (ArrivalCounting.Counted) result.steps().get(3);
        assertThat(last.outcome().scoreBefore()).isEqualTo(3 + 3);
        assertThat(last.outcome().score()).isEqualTo(3 + 3 + 5);
        // it left the stage as it was, so no announcement needs the ledger it was scored on
        assertThat(last.ledgerBefore()).isEmpty();
    }

    @Test
    void aLateEngagementRescoresTheHistoryAsAFreshRescoreWould() {
        // given a stored ledger of the second and third opens, and the first one arriving after them with a page view
        ArrivalCounting.Result stored = ArrivalCounting.count(scorer, fresh, List.of(), StoredHistory.unread(null), List.of(second, third), LAG);
        List<RecordedEvent> history = List.of(new RecordedEvent(second, 1), new RecordedEvent(third, 1));
        List<Engagement> batch = List.of(first, view);
        assertThat(ArrivalCounting.mayArriveLate(stored.ledger(), batch)).isTrue();

        // when the batch is counted
        LeadStanding standing = new LeadStanding(LifecycleStage.LEAD, EMAIL, Map.of(), second.occurredAt().plusSeconds(60));
        ArrivalCounting.Result result = ArrivalCounting.count(scorer, standing, stored.ledger(), StoredHistory.whole(history), batch, LAG);

        // then the late open re-scored the history in time order (the third open is now over the cap), and the page view
        // counted on top of that; the ledger is what a fresh re-score of every event gives
        assertThat(result.replaced()).isTrue();
        assertThat(result.steps().get(0)).isInstanceOf(ArrivalCounting.Recounted.class);
        assertThat(result.steps().get(1)).isInstanceOf(ArrivalCounting.Counted.class);
        HistoryRescorer.Rescored fromScratch = HistoryRescorer.rescore(scorer, EMAIL,
                List.of(new RecordedEvent(first, 1), new RecordedEvent(second, 1), new RecordedEvent(third, 1), new RecordedEvent(view, 1)));
        assertThat(result.ledger()).isEqualTo(fromScratch.ledger());
        assertThat(result.ledger()).extracting(LedgerEntry::eventId).containsExactly("e1", "e2", "e4");
        assertThat(((ArrivalCounting.Counted) result.steps().get(1)).outcome().score()).isEqualTo(fromScratch.score());
    }

    @Test
    void engagementsOutOfOrderWithinTheBatchAreCountedInTimeOrderWithoutTheHistory() {
        // given a batch that holds later engagements before an earlier one, as concurrent requests reach the topic
        List<Engagement> batch = List.of(third, second, view, first);

        // then none is late: counted in the order they happened, with no history read, as a fresh re-score counts them
        assertThat(ArrivalCounting.mayArriveLate(List.of(), batch)).isFalse();
        ArrivalCounting.Result result = ArrivalCounting.count(scorer, fresh, List.of(), StoredHistory.unread(null), batch, LAG);
        assertThat(result.replaced()).isFalse();
        assertThat(result.steps()).allMatch(step -> step instanceof ArrivalCounting.Counted);
        assertThat(result.steps()).extracting(step -> step.engagement().eventId()).containsExactly("e1", "e2", "e3", "e4");
        HistoryRescorer.Rescored fromScratch = HistoryRescorer.rescore(scorer, EMAIL,
                List.of(new RecordedEvent(first, 1), new RecordedEvent(second, 1), new RecordedEvent(third, 1), new RecordedEvent(view, 1)));
        assertThat(result.ledger()).isEqualTo(fromScratch.ledger());
        assertThat(((ArrivalCounting.Counted) result.steps().get(3)).outcome().score()).isEqualTo(fromScratch.score());
    }

    @Test
    void aLateEngagementLeavesTheLedgerBeforeItAsItWas() {
        // given a stored ledger of the first and third opens and a page view after them
        ArrivalCounting.Result stored = ArrivalCounting.count(scorer, fresh, List.of(), StoredHistory.unread(null), List.of(first, third, view), LAG);
        List<RecordedEvent> history = List.of(new RecordedEvent(first, 1), new RecordedEvent(third, 1), new RecordedEvent(view, 1));
        LeadStanding standing = new LeadStanding(LifecycleStage.LEAD, EMAIL, Map.of(), view.occurredAt());

        // when the second open arrives late
        ArrivalCounting.Result result = ArrivalCounting.count(scorer, standing, stored.ledger(), StoredHistory.whole(history), List.of(second), LAG);

        // then only the part from the second open on is re-scored: the first open's entry stays, the third open fell
        // over the cap, and the stored entries before that moment plus the re-scored part make the whole new ledger
        assertThat(result.rescoredFrom()).isEqualTo(second.occurredAt());
        assertThat(result.rescoredPart()).extracting(LedgerEntry::eventId).containsExactly("e2", "e4");
        List<LedgerEntry> kept = stored.ledger().stream().filter(entry -> entry.occurredAt().isBefore(second.occurredAt())).toList();
        assertThat(kept).extracting(LedgerEntry::eventId).containsExactly("e1");
        assertThat(java.util.stream.Stream.concat(kept.stream(), result.rescoredPart().stream()).toList()).isEqualTo(result.ledger());
    }

    @Test
    void aLateEngagementRescoresFromTheCheckpointAsTheWholeHistoryWouldAndMovesItOn() {
        // given opens at noon and 2 minutes, views at 3 minutes and 400 seconds, and the checkpoint a re-score kept 90
        // seconds behind the first view: at noon
        Engagement later = Engagements.at("e5", EngagementType.PAGE_VIEWED, Engagements.NOON.plusSeconds(400));
        ArrivalCounting.Result stored = ArrivalCounting.count(scorer, fresh, List.of(), StoredHistory.unread(null),
                List.of(first, third, view, later), LAG);
        List<RecordedEvent> history = List.of(new RecordedEvent(first, 1), new RecordedEvent(third, 1), new RecordedEvent(view, 1),
                new RecordedEvent(later, 1));
        RescoreCheckpoint checkpoint = HistoryRescorer.rescore(scorer, EMAIL, null, List.of(), history.subList(0, 3),
                view.occurredAt().minus(LAG)).checkpoint();
        assertThat(checkpoint.through()).isEqualTo(first.occurredAt());
        LeadStanding standing = new LeadStanding(LifecycleStage.LEAD, EMAIL, Map.of(), later.occurredAt(),
                DecayedTotal.of(stored.ledger(), later.occurredAt()));

        // when an open of 300 seconds arrives late
        Engagement late = Engagements.at("e4b", EngagementType.EMAIL_OPENED, Engagements.NOON.plusSeconds(300));
        assertThat(checkpoint.servesFor(scorer, List.of(late))).isTrue();
        ArrivalCounting.Result fromCheckpoint = ArrivalCounting.count(scorer, standing, stored.ledger(),
                new StoredHistory(checkpoint, history.subList(1, 4)), List.of(late), LAG);
        ArrivalCounting.Result fromStart = ArrivalCounting.count(scorer, standing, stored.ledger(), StoredHistory.whole(history),
                List.of(late), LAG);

        // then re-scoring the three events after the checkpoint gives what re-scoring all four does: the late open is the
        // third of its day, over the cap
        ArrivalCounting.Recounted step = (ArrivalCounting.Recounted) fromCheckpoint.steps().get(0);
        ArrivalCounting.Recounted expected = (ArrivalCounting.Recounted) fromStart.steps().get(0);
        assertThat(step.rescored().score()).isEqualTo(expected.rescored().score()).isEqualTo(3 + 3 + 5 + 5);
        assertThat(fromCheckpoint.ledger()).isEqualTo(fromStart.ledger());
        assertThat(fromCheckpoint.ledger()).extracting(LedgerEntry::eventId).containsExactly("e1", "e3", "e4", "e5");
        assertThat(fromCheckpoint.rescoredPart()).isEqualTo(fromStart.rescoredPart());
        // and the checkpoint moved on to the latest event 90 seconds or more behind the lead's latest: the late one
        assertThat(fromCheckpoint.checkpoint().through()).isEqualTo(late.occurredAt());
        assertThat(fromCheckpoint.checkpoint()).isEqualTo(fromStart.checkpoint());
    }

    @Test
    void aCheckpointServesOnlyEngagementsAfterItUnderItsModelVersion() {
        RescoreCheckpoint checkpoint = HistoryRescorer.rescore(scorer, EMAIL, null, List.of(),
                List.of(new RecordedEvent(first, 1), new RecordedEvent(second, 1)), second.occurredAt()).checkpoint();

        assertThat(checkpoint.through()).isEqualTo(second.occurredAt());
        assertThat(checkpoint.servesFor(scorer, List.of(third, view))).isTrue();
        assertThat(checkpoint.servesFor(scorer, List.of(view, second))).isFalse();
        LeadScorer nextVersion = new LeadScorer(2, Models.model(List.of(rule("view", EngagementType.PAGE_VIEWED, 5)),
                new Decay(Map.of(), Duration.ofDays(30))));
        assertThat(checkpoint.servesFor(nextVersion, List.of(third))).isFalse();
    }

    @Test
    void anEngagementFromBeforeTheCheckpointDropsItThoughNotLate() {
        // given a lead that opened at noon and made itself known a minute later (no points), with its checkpoint then
        Identification known = new Identification("i1", second.occurredAt(), Map.of("jobTitle", "VP"));
        RescoreCheckpoint checkpoint = HistoryRescorer.rescore(scorer, EMAIL, null, List.of(),
                List.of(new RecordedEvent(first, 1), new RecordedEvent(known, 1)), known.occurredAt()).checkpoint();
        assertThat(checkpoint.through()).isEqualTo(known.occurredAt());
        LeadStanding standing = checkpoint.standing();
        ArrivalCounting.Result stored = ArrivalCounting.count(scorer, fresh, List.of(), StoredHistory.unread(null), List.of(first), LAG);

        // when a view that happened before the checkpoint's moment comes, on time as far as the ledger goes
        Engagement earlier = Engagements.at("e0", EngagementType.PAGE_VIEWED, Engagements.NOON.plusSeconds(30));
        ArrivalCounting.Result result = ArrivalCounting.count(scorer, standing, stored.ledger(), StoredHistory.unread(checkpoint),
                List.of(earlier), LAG);

        // then the checkpoint no longer stands for the history up to its moment, and the lead keeps none
        assertThat(result.steps()).allMatch(step -> step instanceof ArrivalCounting.Counted);
        assertThat(result.checkpoint()).isNull();
        ArrivalCounting.Result onTime = ArrivalCounting.count(scorer, standing, stored.ledger(), StoredHistory.unread(checkpoint),
                List.of(view), LAG);
        assertThat(onTime.checkpoint()).isSameAs(checkpoint);
    }
}
