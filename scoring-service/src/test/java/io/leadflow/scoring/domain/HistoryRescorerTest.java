package io.leadflow.scoring.domain;

import static io.leadflow.scoring.domain.Models.capped;
import static io.leadflow.scoring.domain.Models.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.Decay;
import io.leadflow.scoring.domain.model.FitModel;
import io.leadflow.scoring.domain.model.Grade;
import io.leadflow.scoring.domain.model.Lifecycle;
import io.leadflow.scoring.domain.model.ScoringModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryRescorerTest {

    private final LeadScorer scorer = new LeadScorer(3, Models.model(List.of(
            rule("view", EngagementType.PAGE_VIEWED, 5),
            capped("open", EngagementType.EMAIL_OPENED, 3, 2, Duration.ofDays(1)),
            rule("demo", EngagementType.DEMO_REQUESTED, 80)),
            new Decay(Map.of(), Duration.ofDays(30))));

    private final List<LeadEvent> history = List.of(
            Engagements.at("e1", EngagementType.EMAIL_OPENED, Engagements.NOON),
            Engagements.at("e2", EngagementType.EMAIL_OPENED, Engagements.NOON.plusSeconds(60)),
            Engagements.at("e3", EngagementType.EMAIL_OPENED, Engagements.NOON.plusSeconds(120)),
            Engagements.at("e4", EngagementType.PAGE_VIEWED, Engagements.NOON.plusSeconds(86_400)),
            Engagements.at("e5", EngagementType.DEMO_REQUESTED, Engagements.NOON.plusSeconds(2 * 86_400)));

    @Test
    void aHistoryScoresAsCountingItsEventsOneByOneDoes() {
        // given the same events counted one by one, as the consumer counts them
        LeadStanding standing = new LeadStanding(LifecycleStage.LEAD, "ada@example.com", Map.of(), null);
        List<LedgerEntry> ledger = new ArrayList<>();
        ScoringOutcome last = null;
        for (LeadEvent event : history) {
            last = event.scoredBy(scorer, standing, ledger);
            ledger.addAll(last.entries());
            standing = new LeadStanding(last.stage(), standing.email(), last.traits(), last.asOf());
        }

        // when the history is scored afresh
        HistoryRescorer.Rescored rescored = HistoryRescorer.rescore(scorer, "ada@example.com", atFullWeight(history));

        // then both give the same ledger (the cap held back the third open), score, moment and stage
        assertThat(rescored.ledger()).isEqualTo(ledger);
        assertThat(rescored.ledger()).extracting(LedgerEntry::eventId).containsExactly("e1", "e2", "e4", "e5");
        assertThat(rescored.score()).isEqualTo(last.score());
        assertThat(rescored.asOf()).isEqualTo(Engagements.NOON.plusSeconds(2 * 86_400));
        assertThat(rescored.stage()).isEqualTo(LifecycleStage.LEAD);
    }

    @Test
    void anIdentificationsTraitsCountTowardsFitAndCanQualifyTheLead() {
        // given a history that reaches 80 + 5 + 3 + 3 (decayed a little) with no traits, then an identification as a VP in GB
        List<LeadEvent> identified = new ArrayList<>(history);
        identified.add(new Identification("i1", Engagements.NOON.plusSeconds(3 * 86_400),
                Map.of("jobTitle", "VP Sales", "country", "GB")));
        LeadScorer qualifyingAt80 = new LeadScorer(3, new ScoringModel(
                Models.model(List.of(rule("demo", EngagementType.DEMO_REQUESTED, 80)), null).engagementRules(), null, Models.TITLE_FIT,
                new Lifecycle(new Lifecycle.Threshold(80, Grade.B), null)));

        // when it is scored afresh
        HistoryRescorer.Rescored rescored = HistoryRescorer.rescore(qualifyingAt80, "ada@example.com", atFullWeight(identified));

        // then the traits made grade B and the lead an MQL; an identification gives no points
        assertThat(rescored.traits()).containsEntry("jobTitle", "VP Sales");
        assertThat(rescored.fit().grade()).isEqualTo(Grade.B);
        assertThat(rescored.stage()).isEqualTo(LifecycleStage.MQL);
        assertThat(rescored.ledger()).extracting(LedgerEntry::eventId).containsExactly("e5");
        assertThat(rescored.score()).isEqualTo(80);
    }

    @Test
    void anAnonymousHistoryNeverQualifies() {
        HistoryRescorer.Rescored rescored = HistoryRescorer.rescore(scorer, null, atFullWeight(history));

        assertThat(rescored.stage()).isEqualTo(LifecycleStage.SUBSCRIBER);
        assertThat(rescored.fit().grade()).isEqualTo(Grade.D);
    }

    @Test
    void anEventKeepsTheShareOfItsPointsRecyclingLeftIt() {
        // given the demo request was made before sales recycled the lead keeping half its points
        List<RecordedEvent> recorded = List.of(new RecordedEvent(Engagements.of("e1", EngagementType.DEMO_REQUESTED), 0.5),
                new RecordedEvent(Engagements.of("e2", EngagementType.PAGE_VIEWED), 1));

        // when it is scored afresh
        HistoryRescorer.Rescored rescored = HistoryRescorer.rescore(scorer, "ada@example.com", recorded);

        // then the demo counts 40 and the view 5, and the ledger says so
        assertThat(rescored.score()).isEqualTo(45);
        assertThat(rescored.ledger()).extracting(LedgerEntry::weight).containsExactly(0.5, 1.0);
        assertThat(DecayedLedger.asOf(rescored.ledger(), rescored.asOf()).entries())
                .extracting(DecayedLedger.DecayedEntry::decayedPoints).containsExactly(40, 5);
    }

    @Test
    void rescoringNeverTakesBackAnAnnouncedStageNorOneSalesGave() {
        HistoryRescorer.Rescored lead = HistoryRescorer.rescore(scorer, "ada@example.com",
                atFullWeight(List.of(Engagements.of("e1", EngagementType.PAGE_VIEWED))));
        HistoryRescorer.Rescored qualified = HistoryRescorer.rescore(qualifyingScorer(), "ada@example.com",
                atFullWeight(List.of(Engagements.of("e1", EngagementType.DEMO_REQUESTED))));

        assertThat(scorer.stageAfterRescoring(LifecycleStage.LEAD, lead, true)).isEqualTo(LifecycleStage.LEAD);
        assertThat(scorer.stageAfterRescoring(LifecycleStage.MQL, lead, true)).isEqualTo(LifecycleStage.MQL);
        assertThat(scorer.stageAfterRescoring(LifecycleStage.SQL, qualified, true)).isEqualTo(LifecycleStage.SQL);
        assertThat(scorer.stageAfterRescoring(LifecycleStage.DISQUALIFIED, qualified, true)).isEqualTo(LifecycleStage.DISQUALIFIED);
        assertThat(scorer.stageAfterRescoring(LifecycleStage.LEAD, qualified, true)).isEqualTo(LifecycleStage.MQL);
        assertThat(scorer.stageAfterRescoring(LifecycleStage.RECYCLED, lead, true)).isEqualTo(LifecycleStage.RECYCLED);
    }

    // a model under which a demo request alone qualifies anyone
    private static LeadScorer qualifyingScorer() {
        return new LeadScorer(4, new ScoringModel(
                List.of(rule("demo", EngagementType.DEMO_REQUESTED, 100)), null,
                new FitModel(List.of(Models.fitRule("anyone", -1).withCountries("XX")),
                        Map.of(Grade.A, 3, Grade.B, 2, Grade.C, 1)),
                new Lifecycle(new Lifecycle.Threshold(100, Grade.D), null)));
    }

    private static List<RecordedEvent> atFullWeight(List<LeadEvent> events) {
        return events.stream().map(event -> new RecordedEvent(event, 1)).toList();
    }
}
