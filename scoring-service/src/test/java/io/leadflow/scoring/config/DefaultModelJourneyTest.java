package io.leadflow.scoring.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.Engagement;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.domain.LeadStanding;
import io.leadflow.scoring.domain.LedgerEntry;
import io.leadflow.scoring.domain.ScoringOutcome;
import io.leadflow.scoring.domain.model.Grade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journey of the end-to-end test, under the shipped default model: it must qualify. */
class DefaultModelJourneyTest {

    private static final Instant START = Instant.parse("2026-11-22T09:00:00Z");
    private static final Map<String, Object> PROFILE = Map.of("company", "Analytical Engines", "country", "GB");

    private final LeadScorer scorer = new LeadScorer(1, ScoringModelJson.parse(ScoringModelJson.defaultDocument()).model());

    @Test
    void anEmailOpenThreePageViewsAndADemoRequestMakeAVpInGbAnMql() {
        List<ScoringOutcome> outcomes = journey("ada@example.com");

        ScoringOutcome demo = outcomes.get(outcomes.size() - 1);
        assertThat(demo.score()).isEqualTo(3 + 5 + 5 + (5 + 15) + (20 + 50));
        assertThat(demo.fit().score()).isEqualTo(30 + 15);
        assertThat(demo.fit().grade()).isEqualTo(Grade.B);
        assertThat(demo.stage()).isEqualTo(LifecycleStage.MQL);
        assertThat(outcomes.subList(0, outcomes.size() - 1)).allSatisfy(outcome -> assertThat(outcome.stageChanged()).isFalse());
    }

    @Test
    void theSameJourneyFromAFreeMailAddressIsNoMql() {
        ScoringOutcome demo = journey("ada@gmail.com").get(4);

        assertThat(demo.fit().grade()).isEqualTo(Grade.C);
        assertThat(demo.stage()).isEqualTo(LifecycleStage.LEAD);
    }

    private List<ScoringOutcome> journey(String email) {
        List<Engagement> journey = List.of(
                new Engagement("open", EngagementType.EMAIL_OPENED, START, Map.of("campaign", "autumn-launch"), PROFILE, false),
                view("features", 1), view("customers", 2), view("pricing", 3),
                new Engagement("demo", EngagementType.DEMO_REQUESTED, START.plusSeconds(240), Map.of("formId", "demo-request"),
                        Map.of("company", "Analytical Engines", "jobTitle", "VP Engineering"), false));
        List<LedgerEntry> ledger = new ArrayList<>();
        List<ScoringOutcome> outcomes = new ArrayList<>();
        LeadStanding standing = new LeadStanding(LifecycleStage.LEAD, email, Map.of(), null);
        for (Engagement engagement : journey) {
            ScoringOutcome outcome = scorer.score(standing, engagement, ledger);
            ledger.addAll(outcome.entries());
            outcomes.add(outcome);
            standing = new LeadStanding(outcome.stage(), email, outcome.traits(), outcome.asOf());
        }
        return outcomes;
    }

    private static Engagement view(String page, int minute) {
        return new Engagement(page, EngagementType.PAGE_VIEWED, START.plusSeconds(60L * minute),
                Map.of("url", "https://example.com/" + page), PROFILE, false);
    }
}
