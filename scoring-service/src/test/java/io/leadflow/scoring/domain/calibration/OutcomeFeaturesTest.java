package io.leadflow.scoring.domain.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.config.ScoringModelJson;
import io.leadflow.scoring.domain.Engagement;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.domain.RecordedEvent;
import io.leadflow.scoring.domain.model.ScoringModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the default model counted of a lead by its outcome, rule by rule. */
class OutcomeFeaturesTest {

    private static final ScoringModel DEFAULT = ScoringModelJson.parse(ScoringModelJson.defaultDocument()).model();
    private static final FeatureSpace SPACE = FeatureSpace.of(DEFAULT);
    private static final OutcomeFeatures FEATURES = new OutcomeFeatures(new LeadScorer(1, DEFAULT), SPACE);
    private static final Instant OUTCOME = Instant.parse("2026-06-30T09:00:00Z");

    @Test
    void eachCountIsDecayedToTheMomentOfTheOutcomeAsItsPointsAre() {
        // given an email open two half-lives (14 days each) before the outcome, and a webinar attended that day
        List<RecordedEvent> history = List.of(event("e1", EngagementType.EMAIL_OPENED, OUTCOME.minus(Duration.ofDays(28)), Map.of(), false),
                event("e2", EngagementType.WEBINAR_ATTENDED, OUTCOME, Map.of(), false));

        // when
        LeadFeatures features = FEATURES.of("ada@example.com", history, OUTCOME);

        // then
        assertThat(features.values()[SPACE.engagementIndex("email-opened")]).isCloseTo(0.25, within(1e-9));
        assertThat(features.values()[SPACE.engagementIndex("webinar-attended")]).isCloseTo(1, within(1e-9));
    }

    @Test
    void botEventsAndEventsAfterTheOutcomeNeverCount() {
        // given a bot's webinar attendance before the outcome, and a lead's own one after it
        List<RecordedEvent> history = List.of(event("e1", EngagementType.WEBINAR_ATTENDED, OUTCOME.minus(Duration.ofDays(1)), Map.of(), true),
                event("e2", EngagementType.WEBINAR_ATTENDED, OUTCOME.plus(Duration.ofDays(1)), Map.of(), false));

        // when
        LeadFeatures features = FEATURES.of("ada@example.com", history, OUTCOME);

        // then
        assertThat(features.values()).containsOnly(0.0);
    }

    @Test
    void capsApplyAndAPricingViewCountsForBothPageRules() {
        // given three pricing page views in one day: the pricing rule counts two a day
        Instant day = OUTCOME.minus(Duration.ofHours(3));
        Map<String, Object> pricing = Map.of("url", "https://example.com/pricing");
        List<RecordedEvent> history = List.of(event("e1", EngagementType.PAGE_VIEWED, day, pricing, false),
                event("e2", EngagementType.PAGE_VIEWED, day.plusSeconds(60), pricing, false),
                event("e3", EngagementType.PAGE_VIEWED, day.plusSeconds(120), pricing, false));

        // when
        LeadFeatures features = FEATURES.of("ada@example.com", history, OUTCOME);

        // then
        assertThat(features.values()[SPACE.engagementIndex("pricing-page")]).isCloseTo(2, within(0.01));
        assertThat(features.values()[SPACE.engagementIndex("page-viewed")]).isCloseTo(3, within(0.01));
    }

    @Test
    void aMatchedFitRuleIsOneAndTheTraitsAreKept() {
        // given
        List<RecordedEvent> history = List.of(new RecordedEvent(new Engagement("e1", EngagementType.FORM_SUBMITTED, OUTCOME,
                Map.of(), Map.of("jobTitle", "VP Sales", "country", "GB"), false), 1));

        // when
        LeadFeatures features = FEATURES.of("ada@gmail.com", history, OUTCOME);

        // then
        assertThat(features.values()[SPACE.fitIndex("senior-title")]).isEqualTo(1);
        assertThat(features.values()[SPACE.fitIndex("free-mail")]).isEqualTo(1);
        assertThat(features.values()[SPACE.fitIndex("enterprise")]).isZero();
        assertThat(features.traits()).containsEntry("country", "GB");
    }

    private static RecordedEvent event(String id, EngagementType type, Instant at, Map<String, Object> properties, boolean bot) {
        return new RecordedEvent(new Engagement(id, type, at, properties, Map.of(), bot), 1);
    }
}
