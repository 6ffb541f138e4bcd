package io.leadflow.scoring.domain;

import static io.leadflow.scoring.domain.Models.path;
import static io.leadflow.scoring.domain.Models.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leadflow.events.EngagementType;
import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.Decay;
import io.leadflow.scoring.domain.model.Grade;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadScorerTest {

    private final LeadScorer scorer = new LeadScorer(7, Models.model(List.of(
            rule("view", EngagementType.PAGE_VIEWED, 5),
            rule("pricing", EngagementType.PAGE_VIEWED, 15, path("/pricing")),
            rule("demo", EngagementType.DEMO_REQUESTED, 60),
            rule("bounced", EngagementType.EMAIL_BOUNCED, -10)),
            new Decay(Map.of("page.viewed", Duration.ofDays(30)), null)));

    @Test
    void entriesCarryTheModelVersionAndTheirTypesHalfLife() {
        ScoringOutcome outcome = scorer.score(known(), Engagements.pageView("e1", "https://example.com/pricing"), List.of());

        assertThat(outcome.entries()).extracting(LedgerEntry::ruleId, LedgerEntry::points, LedgerEntry::halfLife,
                LedgerEntry::modelVersion).containsExactly(
                tuple("view", 5, Duration.ofDays(30), 7),
                tuple("pricing", 15, Duration.ofDays(30), 7));
        assertThat(outcome.score()).isEqualTo(20);
        assertThat(outcome.delta()).isEqualTo(20);
        assertThat(outcome.asOf()).isEqualTo(Engagements.NOON);
    }

    @Test
    void aKnownLeadWithAGoodFitCrossingTheThresholdBecomesAnMqlOnce() {
        // given a VP from GB (fit 45: grade B)
        List<LedgerEntry> ledger = new ArrayList<>();
        LeadStanding standing = new LeadStanding(LifecycleStage.LEAD, "ada@example.com",
                Map.of("jobTitle", "VP Engineering", "country", "GB"), null);

        // when it requests a demo twice, then bounces an email
        ScoringOutcome first = count(standing, Engagements.of("e1", EngagementType.DEMO_REQUESTED), ledger);
        ScoringOutcome second = count(next(standing, first), Engagements.of("e2", EngagementType.DEMO_REQUESTED), ledger);
        ScoringOutcome third = count(next(standing, second), Engagements.of("e3", EngagementType.EMAIL_BOUNCED), ledger);

        // then only the crossing changes the stage, and dropping below the threshold does not undo it
        assertThat(first.stageChanged()).isFalse();
        assertThat(second.fit().grade()).isEqualTo(Grade.B);
        assertThat(second.stage()).isEqualTo(LifecycleStage.MQL);
        assertThat(second.stageChanged()).isTrue();
        assertThat(third.score()).isEqualTo(110);
        assertThat(third.stage()).isEqualTo(LifecycleStage.MQL);
        assertThat(third.stageChanged()).isFalse();
    }

    @Test
    void aPoorFitStaysALeadHoweverEngaged() {
        LeadStanding standing = new LeadStanding(LifecycleStage.LEAD, "ada@example.com", Map.of("jobTitle", "Engineer"), null);

        ScoringOutcome outcome = scorer.score(standing, Engagements.of("e1", EngagementType.DEMO_REQUESTED),
                List.of(entry("old", 100)));

        assertThat(outcome.score()).isEqualTo(160);
        assertThat(outcome.fit().grade()).isEqualTo(Grade.D);
        assertThat(outcome.stage()).isEqualTo(LifecycleStage.LEAD);
    }

    @Test
    void theEventsTraitsCountForTheFitAtOnce() {
        LeadStanding standing = new LeadStanding(LifecycleStage.LEAD, "ada@example.com", Map.of("country", "GB"), null);
        Engagement demo = new Engagement("e1", EngagementType.DEMO_REQUESTED, Engagements.NOON, Map.of(),
                Map.of("jobTitle", "Chief Data Officer"), false);

        ScoringOutcome outcome = scorer.score(standing, demo, List.of(entry("old", 50)));

        assertThat(outcome.traits()).containsEntry("jobTitle", "Chief Data Officer").containsEntry("country", "GB");
        assertThat(outcome.stage()).isEqualTo(LifecycleStage.MQL);
    }

    @Test
    void anAnonymousVisitorScoresButStaysASubscriber() {
        LeadStanding anonymous = new LeadStanding(LifecycleStage.SUBSCRIBER, null, Map.of("jobTitle", "VP", "country", "GB"), null);

        ScoringOutcome outcome = scorer.score(anonymous, Engagements.of("e1", EngagementType.DEMO_REQUESTED), List.of(entry("old", 90)));

        assertThat(outcome.score()).isEqualTo(150);
        assertThat(outcome.stage()).isEqualTo(LifecycleStage.SUBSCRIBER);
    }

    @Test
    void aLateEventIsScoredAsOfTheLatestMomentSeen() {
        // given a lead last scored 30 days after noon
        Instant later = Engagements.NOON.plus(Duration.ofDays(30));
        LeadStanding standing = new LeadStanding(LifecycleStage.LEAD, "ada@example.com", Map.of(), later);

        // when a page view from noon arrives late
        ScoringOutcome outcome = scorer.score(standing, Engagements.pageView("e1", "https://example.com/"), List.of());

        // then it has already lost half its points
        assertThat(outcome.asOf()).isEqualTo(later);
        assertThat(outcome.score()).isEqualTo(3);
    }

    private static LeadStanding known() {
        return new LeadStanding(LifecycleStage.LEAD, "ada@example.com", Map.of(), null);
    }

    private ScoringOutcome count(LeadStanding standing, Engagement engagement, List<LedgerEntry> ledger) {
        ScoringOutcome outcome = scorer.score(standing, engagement, ledger);
        ledger.addAll(outcome.entries());
        return outcome;
    }

    private static LeadStanding next(LeadStanding standing, ScoringOutcome outcome) {
        return new LeadStanding(outcome.stage(), standing.email(), outcome.traits(), outcome.asOf());
    }

    private static LedgerEntry entry(String eventId, int points) {
        return new LedgerEntry(eventId, EngagementType.FORM_SUBMITTED, "old", points, "why", Engagements.NOON, null, 1);
    }
}
