package io.leadflow.scoring.domain.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadflow.scoring.config.ScoringModelJson;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.domain.model.ScoringModel;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A calibration of the shipped default model on synthetic populations whose drivers are known. */
class CalibrationTest {

    private static final ScoringModel DEFAULT = ScoringModelJson.parse(ScoringModelJson.defaultDocument()).model();
    private static final Instant FIRST_OUTCOME = Instant.parse("2026-06-01T09:00:00Z");

    @Test
    void theSuggestionRanksWebinarsAndThePricingPageAboveEmailOpensAndBeatsTheCurrentModelOnTheTestPeriod() {
        // given 1,200 leads whose conversion webinars and the pricing page drive, and email opens do not
        List<SyntheticPopulation.Member> population = SyntheticPopulation.of(7, 1200, FIRST_OUTCOME);

        // when
        Calibration.Report report = calibrate(population);

        // then
        Map<String, RuleSuggestion> rules = byRule(report);
        assertThat(rules.get("webinar-attended").suggestedPoints()).isGreaterThan(rules.get("email-opened").suggestedPoints());
        assertThat(rules.get("pricing-page").suggestedPoints()).isGreaterThan(rules.get("email-opened").suggestedPoints());
        assertThat(rules.get("webinar-attended").status()).isEqualTo(RuleSuggestion.Status.LEARNED);
        assertThat(rules.get("pricing-page").status()).isEqualTo(RuleSuggestion.Status.LEARNED);
        assertThat(rules.get("email-opened").status()).isEqualTo(RuleSuggestion.Status.ADDS_NOTHING);
        assertThat(rules.get("email-opened").suggestedPoints()).isZero();
        assertThat(report.suggested().auc()).isGreaterThan(report.current().auc() + 0.03);
        assertThat(report.counts().total()).isEqualTo(1200);
    }

    @Test
    void theLearnedRulesKeepTheSizeOfTheirCurrentPointsAndUnseenRulesKeepTheirs() {
        // given
        List<SyntheticPopulation.Member> population = SyntheticPopulation.of(11, 600, FIRST_OUTCOME);

        // when
        Map<String, RuleSuggestion> rules = byRule(calibrate(population));

        // then the learned engagement rules' points have the root mean square their current points have, within rounding
        List<RuleSuggestion> learned = rules.values().stream()
                .filter(rule -> rule.axis() == FeatureSpace.Axis.ENGAGEMENT && rule.status() == RuleSuggestion.Status.LEARNED).toList();
        assertThat(learned).extracting(RuleSuggestion::ruleId).contains("webinar-attended", "pricing-page");
        assertThat(rootMeanSquare(learned.stream().mapToInt(RuleSuggestion::suggestedPoints).toArray()))
                .isCloseTo(rootMeanSquare(learned.stream().mapToInt(RuleSuggestion::currentPoints).toArray()), within(0.5));
        // and nobody in the population requested a demo: the rule keeps its points
        assertThat(rules.get("demo-request-form").status()).isEqualTo(RuleSuggestion.Status.UNSEEN);
        assertThat(rules.get("demo-request-form").suggestedPoints()).isEqualTo(50);
    }

    @Test
    void theSameSeedGivesTheSameSuggestion() {
        // given two populations drawn from one seed
        Calibration.Report first = calibrate(SyntheticPopulation.of(23, 500, FIRST_OUTCOME));
        Calibration.Report second = calibrate(SyntheticPopulation.of(23, 500, FIRST_OUTCOME));

        // then
        assertThat(second.rules()).isEqualTo(first.rules());
        assertThat(second.suggested().auc()).isEqualTo(first.suggested().auc());
        assertThat(second.current().calibration()).isEqualTo(first.current().calibration());
    }

    @Test
    void theTestPartIsTheLatestThirtyPercentOfTheOutcomes() {
        // given
        List<SyntheticPopulation.Member> population = SyntheticPopulation.of(5, 400, FIRST_OUTCOME);

        // when
        Calibration.Report report = calibrate(population);

        // then outcomes come an hour apart, lead by lead
        assertThat(report.testFrom()).isEqualTo(population.get(280).outcomeAt());
        assertThat(report.counts().testConverted() + report.counts().testNotConverted()).isEqualTo(120);
        assertThat(report.current().lift().leads()).isEqualTo(120);
        assertThat(report.suggested().calibration()).hasSize(Backtest.BANDS)
                .allSatisfy(band -> assertThat(band.leads()).isEqualTo(24));
    }

    static Calibration.Report calibrate(List<SyntheticPopulation.Member> population) {
        OutcomeFeatures features = new OutcomeFeatures(new LeadScorer(1, DEFAULT), FeatureSpace.of(DEFAULT));
        OutcomeSplit split = OutcomeSplit.of(population.stream().map(SyntheticPopulation.Member::outcome).toList(), null);
        Map<String, LeadFeatures> byLead = population.stream().collect(Collectors.toMap(SyntheticPopulation.Member::leadId,
                member -> features.of(member.email(), member.history(), member.outcomeAt())));
        return Calibration.run(DEFAULT, split, byLead);
    }

    private static double rootMeanSquare(int[] values) {
        return Math.sqrt(Arrays.stream(values).mapToDouble(value -> (double) value * value).average().orElse(0));
    }

    private static Map<String, RuleSuggestion> byRule(Calibration.Report report) {
        return report.rules().stream().collect(Collectors.toMap(RuleSuggestion::ruleId, rule -> rule));
    }
}
