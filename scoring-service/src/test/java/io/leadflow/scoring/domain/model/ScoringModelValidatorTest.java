package io.leadflow.scoring.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringModelValidatorTest {

    private static final EngagementRule OPENED = new EngagementRule("opened", EngagementType.EMAIL_OPENED, 3, null, null);
    private static final FitModel FIT = new FitModel(
            List.of(new FitRule("gb", 15, null, null, null, List.of("GB"), null)), Map.of(Grade.A, 60, Grade.B, 40, Grade.C, 20));
    private static final Lifecycle LIFECYCLE = new Lifecycle(new Lifecycle.Threshold(100, Grade.B), null);

    @Test
    void aCompleteModelIsValid() {
        assertThat(ScoringModelValidator.validate(new ScoringModel(List.of(OPENED), null, FIT, LIFECYCLE))).isEmpty();
    }

    @Test
    void missingPartsAreNamed() {
        assertThat(fields(new ScoringModel(null, null, null, null))).containsExactly("engagementRules", "fit", "lifecycle");
        assertThat(fields(new ScoringModel(List.of(), null, FIT, new Lifecycle(null, null)))).containsExactly("engagementRules", "lifecycle.mql");
    }

    @Test
    void aBadEngagementRuleIsNamedByItsIndexAndField() {
        List<EngagementRule> rules = List.of(OPENED,
                new EngagementRule("opened", null, 0, new EventCondition(null, null, null, null), new Cap(0, Duration.ZERO)),
                new EngagementRule("pricing", EngagementType.PAGE_VIEWED, null, new EventCondition("pricing", null, null, null), null));

        assertThat(fields(new ScoringModel(rules, null, FIT, LIFECYCLE))).containsExactly(
                "engagementRules[1].id", "engagementRules[1].type", "engagementRules[1].points", "engagementRules[1].when",
                "engagementRules[1].cap.max", "engagementRules[1].cap.per",
                "engagementRules[2].points", "engagementRules[2].when.pathPattern");
    }

    @Test
    void aCustomRuleNeedsItsEventNameAndEachPropertyConditionIsCheckedByField() {
        List<EngagementRule> rules = List.of(OPENED,
                new EngagementRule("unnamed", EngagementType.CUSTOM, 5, null, null),
                new EngagementRule("calculator", EngagementType.CUSTOM, 5, new EventCondition(null, null, null, null, java.util.Arrays.asList(
                        new PropertyCondition("seats", ">=", 20),
                        new PropertyCondition(" ", "=", "x"),
                        new PropertyCondition("seats", "about", 20),
                        new PropertyCondition("plan", ">", "pro"),
                        new PropertyCondition("plan", "=", null),
                        new PropertyCondition("plan", "exists", "pro"),
                        null)), null, "Pricing Calculator Used"),
                new EngagementRule("blank", EngagementType.TRIAL_STARTED, 5, null, null, " "));

        List<ModelProblem> problems = ScoringModelValidator.validate(new ScoringModel(rules, null, FIT, LIFECYCLE));

        assertThat(problems).extracting(ModelProblem::field).containsExactly(
                "engagementRules[1].event",
                "engagementRules[2].when.properties[1].property",
                "engagementRules[2].when.properties[2].op",
                "engagementRules[2].when.properties[3].value",
                "engagementRules[2].when.properties[4].value",
                "engagementRules[2].when.properties[5].value",
                "engagementRules[2].when.properties[6]",
                "engagementRules[3].event");
        assertThat(problems.get(2).message()).contains(">=", "exists");
    }

    @Test
    void aCustomHandRaiseNeedsItsEventName() {
        Lifecycle raising = new Lifecycle(LIFECYCLE.mql(), null, null, List.of(new Lifecycle.HandRaise(EngagementType.CUSTOM, null)));

        assertThat(fields(new ScoringModel(List.of(OPENED), null, FIT, raising))).containsExactly("lifecycle.handRaises[0].event");
    }

    @Test
    void halfLivesMustNameAnEngagementTypeAndBePositive() {
        Decay decay = new Decay(Map.of("page.teleported", Duration.ofDays(1)), Duration.ofDays(-1));

        assertThat(fields(new ScoringModel(List.of(OPENED), decay, FIT, LIFECYCLE)))
                .containsExactly("decay.halfLives.page.teleported", "decay.defaultHalfLife");
    }

    @Test
    void fitRulesNeedOneMatcherAndGradesMustDescend() {
        FitModel fit = new FitModel(List.of(
                new FitRule("none", 10, null, null, null, null, null),
                new FitRule("two", 10, List.of("vp"), null, null, List.of("GB"), null),
                new FitRule("band", 10, null, new FitRule.SizeBand(500, 50), null, null, null),
                new FitRule("empty", null, List.of(), null, null, null, null)),
                Map.of(Grade.A, 40, Grade.B, 40));

        assertThat(fields(new ScoringModel(List.of(OPENED), null, fit, LIFECYCLE))).containsExactly(
                "fit.rules[0]", "fit.rules[1]", "fit.rules[2].companySize", "fit.rules[3].points", "fit.rules[3].jobTitleKeywords",
                "fit.grades.B", "fit.grades.C");
    }

    @Test
    void theMqlThresholdNeedsAPositiveScoreAndAGradeAndRecyclingAPercentage() {
        Lifecycle lifecycle = new Lifecycle(new Lifecycle.Threshold(0, null), new Lifecycle.Recycle(150));

        assertThat(fields(new ScoringModel(List.of(OPENED), null, FIT, lifecycle)))
                .containsExactly("lifecycle.mql.engagement", "lifecycle.mql.fit", "lifecycle.recycle.keepPercent");
    }

    @Test
    void segmentsNeedAnIdConditionsAndThresholds() {
        Lifecycle lifecycle = new Lifecycle(new Lifecycle.Threshold(100, Grade.B), null, Arrays.asList(
                new Segment("enterprise", new Segment.Condition(new FitRule.SizeBand(1000, null), null, null), new Lifecycle.Threshold(150, Grade.A)),
                new Segment("enterprise", new Segment.Condition(null, null, null), new Lifecycle.Threshold(0, null)),
                new Segment(" ", new Segment.Condition(new FitRule.SizeBand(500, 100), List.of(), List.of(" ")), null),
                null));

        assertThat(fields(new ScoringModel(List.of(OPENED), null, FIT, lifecycle))).containsExactly(
                "lifecycle.segments[1].id", "lifecycle.segments[1].when", "lifecycle.segments[1].mql.engagement",
                "lifecycle.segments[1].mql.fit", "lifecycle.segments[2].id", "lifecycle.segments[2].when.companySize",
                "lifecycle.segments[2].when.industries", "lifecycle.segments[2].when.countries", "lifecycle.segments[2].mql",
                "lifecycle.segments[3]");
    }

    @Test
    void aHandRaiseNeedsAnEngagementType() {
        Lifecycle lifecycle = new Lifecycle(new Lifecycle.Threshold(100, Grade.B), null, null, Arrays.asList(
                new Lifecycle.HandRaise(EngagementType.DEMO_REQUESTED, null),
                new Lifecycle.HandRaise(null, new EventCondition(null, null, "contact-sales", null)),
                null));

        assertThat(fields(new ScoringModel(List.of(OPENED), null, FIT, lifecycle)))
                .containsExactly("lifecycle.handRaises[1].type", "lifecycle.handRaises[2]");
    }

    @Test
    void anAccountsSectionNeedsAPositiveCapAndCompleteMqaThresholds() {
        AccountModel accounts = new AccountModel(0, Duration.ZERO, new AccountModel.Mqa(null, null, 9), List.of("gmail@com"));

        assertThat(fields(new ScoringModel(List.of(OPENED), null, FIT, LIFECYCLE, accounts))).containsExactly(
                "accounts.perLeadCap", "accounts.halfLife", "accounts.mqa.engagement", "accounts.mqa.fit", "accounts.mqa.roles",
                "accounts.freeMailDomains[0]");
        assertThat(fields(new ScoringModel(List.of(OPENED), null, FIT, LIFECYCLE, AccountModel.byDefault()))).isEmpty();
    }

    private static List<String> fields(ScoringModel model) {
        return ScoringModelValidator.validate(model).stream().map(ModelProblem::field).toList();
    }
}
