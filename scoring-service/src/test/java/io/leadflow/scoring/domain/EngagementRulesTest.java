package io.leadflow.scoring.domain;

import static io.leadflow.scoring.domain.Models.path;
import static io.leadflow.scoring.domain.Models.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.domain.model.EngagementRule;
import io.leadflow.scoring.domain.model.EventCondition;
import io.leadflow.scoring.domain.model.PropertyCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngagementRulesTest {

    @Test
    void aRuleWithoutConditionsScoresEveryEngagementOfItsType() {
        EngagementRules rules = new EngagementRules(List.of(rule("opened", EngagementType.EMAIL_OPENED, 3)));

        assertThat(rules.evaluate(Engagements.of("e1", EngagementType.EMAIL_OPENED), List.of()))
                .extracting(RuleResult::ruleId, RuleResult::points).containsExactly(tuple("opened", 3));
        assertThat(rules.evaluate(Engagements.of("e2", EngagementType.EMAIL_CLICKED), List.of())).isEmpty();
    }

    @Test
    void aPathPatternMatchesThePathOfTheUrlInAnyCase() {
        // given a view rule and a pricing bonus on /pricing*
        EngagementRules rules = new EngagementRules(List.of(
                rule("view", EngagementType.PAGE_VIEWED, 5),
                rule("pricing", EngagementType.PAGE_VIEWED, 15, path("/pricing*"))));

        // when / then the bonus applies to the pricing pages only, whatever the host or query
        assertThat(rules.evaluate(Engagements.pageView("e1", "https://example.com/Pricing/enterprise?utm_source=x"), List.of()))
                .extracting(RuleResult::ruleId).containsExactly("view", "pricing");
        assertThat(rules.evaluate(Engagements.pageView("e2", "https://example.com/blog/pricing"), List.of()))
                .extracting(RuleResult::ruleId).containsExactly("view");
        assertThat(rules.evaluate(Engagements.of("e3", EngagementType.PAGE_VIEWED), List.of()))
                .extracting(RuleResult::ruleId).containsExactly("view");
    }

    @Test
    void aRuleOnACustomEventScoresOnlyEventsOfItsNameWhosePropertiesMeetItsConditions() {
        // Given a rule on the pricing calculator used for 20 seats or more on a paid plan
        EngagementRule calculator = new EngagementRule("calculator", EngagementType.CUSTOM, 30, new EventCondition(null, null, null, null,
                List.of(new PropertyCondition("seats", ">=", 20), new PropertyCondition("properties.plan.paid", "=", true))), null,
                "Pricing Calculator Used");
        EngagementRules rules = new EngagementRules(List.of(calculator));

        // When / Then it scores that event, named in any case, its numbers sent as numbers or text
        assertThat(rules.evaluate(custom("e1", "pricing calculator used", Map.of("seats", 25, "plan", Map.of("paid", true))), List.of()))
                .extracting(RuleResult::ruleId, RuleResult::reason)
                .containsExactly(tuple("calculator", "pricing calculator used with seats >= 20, plan.paid = true is worth 30 points"));
        assertThat(rules.evaluate(custom("e2", "Pricing Calculator Used", Map.of("seats", "20", "plan", Map.of("paid", "true"))), List.of()))
                .hasSize(1);
        // but not too few seats, a missing property, another name, or a built-in type
        assertThat(rules.evaluate(custom("e3", "Pricing Calculator Used", Map.of("seats", 19.5, "plan", Map.of("paid", true))), List.of()))
                .isEmpty();
        assertThat(rules.evaluate(custom("e4", "Pricing Calculator Used", Map.of("seats", 25)), List.of())).isEmpty();
        assertThat(rules.evaluate(custom("e5", "Seat Picker Opened", Map.of("seats", 25, "plan", Map.of("paid", true))), List.of()))
                .isEmpty();
        assertThat(rules.evaluate(Engagements.with("e6", EngagementType.TRIAL_STARTED, Map.of("seats", 25, "plan", Map.of("paid", true))),
                List.of())).isEmpty();
    }

    @Test
    void propertyConditionsCompareTextIgnoringCaseAndNotEqualHoldsForAMissingProperty() {
        EngagementRules rules = new EngagementRules(List.of(
                new EngagementRule("enterprise", EngagementType.TRIAL_STARTED, 10,
                        new EventCondition(null, null, null, null, List.of(new PropertyCondition("plan", "=", "Enterprise"))), null),
                new EngagementRule("not-free", EngagementType.TRIAL_STARTED, 5,
                        new EventCondition(null, null, null, null, List.of(new PropertyCondition("plan", "!=", "free"))), null),
                new EngagementRule("referred", EngagementType.TRIAL_STARTED, 2,
                        new EventCondition(null, null, null, null, List.of(new PropertyCondition("referrer", "exists", null))), null)));

        assertThat(rules.evaluate(Engagements.with("e1", EngagementType.TRIAL_STARTED, Map.of("plan", "enterprise", "referrer", "x")),
                List.of())).extracting(RuleResult::ruleId).containsExactly("enterprise", "not-free", "referred");
        assertThat(rules.evaluate(Engagements.with("e2", EngagementType.TRIAL_STARTED, Map.of("plan", "FREE")), List.of())).isEmpty();
        assertThat(rules.evaluate(Engagements.with("e3", EngagementType.TRIAL_STARTED, Map.of("referrer", " ")), List.of()))
                .extracting(RuleResult::ruleId).containsExactly("not-free");
    }

    @Test
    void aRuleOnABuiltInTypeMayNameTheEventItWasSentAs() {
        EngagementRules rules = new EngagementRules(List.of(new EngagementRule("signed-up", EngagementType.TRIAL_STARTED, 5, null, null,
                "Signed Up")));

        assertThat(rules.evaluate(new Engagement("e1", EngagementType.TRIAL_STARTED, Engagements.NOON, Map.of(), Map.of(), false,
                "Signed Up"), List.of())).hasSize(1);
        assertThat(rules.evaluate(Engagements.of("e2", EngagementType.TRIAL_STARTED), List.of())).isEmpty();
    }

    private static Engagement custom(String eventId, String event, Map<String, Object> properties) {
        return new Engagement(eventId, EngagementType.CUSTOM, Engagements.NOON, properties, Map.of(), false, event);
    }

    @Test
    void contentFormAndUtmConditionsMustAllHold() {
        EngagementRules rules = new EngagementRules(List.of(
                rule("whitepaper", EngagementType.CONTENT_DOWNLOADED, 20, new EventCondition(null, "whitepaper-1", null, null)),
                rule("demo-form", EngagementType.DEMO_REQUESTED, 50, new EventCondition(null, null, "demo-request", null)),
                rule("linkedin", EngagementType.FORM_SUBMITTED, 10, new EventCondition(null, null, "contact", "linkedin"))));

        assertThat(rules.evaluate(Engagements.with("e1", EngagementType.CONTENT_DOWNLOADED, Map.of("contentId", "whitepaper-1")),
                List.of())).extracting(RuleResult::ruleId).containsExactly("whitepaper");
        assertThat(rules.evaluate(Engagements.with("e2", EngagementType.CONTENT_DOWNLOADED, Map.of("contentId", "ebook-2")),
                List.of())).isEmpty();
        assertThat(rules.evaluate(Engagements.with("e3", EngagementType.DEMO_REQUESTED, Map.of("formId", "demo-request")),
                List.of())).extracting(RuleResult::points).containsExactly(50);
        assertThat(rules.evaluate(Engagements.with("e4", EngagementType.FORM_SUBMITTED,
                Map.of("formId", "contact", "utm_source", "LinkedIn")), List.of())).extracting(RuleResult::ruleId).containsExactly("linkedin");
        assertThat(rules.evaluate(Engagements.with("e5", EngagementType.FORM_SUBMITTED, Map.of("formId", "contact")),
                List.of())).isEmpty();
    }

    @Test
    void negativePointsAreGiven() {
        EngagementRules rules = new EngagementRules(List.of(
                rule("careers", EngagementType.PAGE_VIEWED, -10, path("/careers*")),
                rule("unsubscribed", EngagementType.EMAIL_UNSUBSCRIBED, -25)));

        assertThat(rules.evaluate(Engagements.pageView("e1", "https://example.com/careers/jobs"), List.of()))
                .extracting(RuleResult::points).containsExactly(-10);
        assertThat(rules.evaluate(Engagements.of("e2", EngagementType.EMAIL_UNSUBSCRIBED), List.of()))
                .extracting(RuleResult::points).containsExactly(-25);
    }

    @Test
    void aBotsEngagementScoresNothing() {
        EngagementRules rules = new EngagementRules(List.of(rule("clicked", EngagementType.EMAIL_CLICKED, 5)));

        assertThat(rules.evaluate(Engagements.bot("e1", EngagementType.EMAIL_CLICKED), List.of())).isEmpty();
    }

    @Test
    void aCapCountsAtMostMaxEntriesInAnyWindowEndingAtTheEngagement() {
        // given at most 3 email opens a day
        EngagementRules rules = new EngagementRules(List.of(
                Models.capped("opened", EngagementType.EMAIL_OPENED, 3, 3, Duration.ofDays(1))));
        List<LedgerEntry> ledger = new ArrayList<>();
        Instant morning = Instant.parse("2026-11-22T08:00:00Z");

        // when the lead opens 5 emails an hour apart, then one more a day after the first
        List<Integer> counted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            counted.add(countInto(ledger, rules, Engagements.at("e" + i, EngagementType.EMAIL_OPENED, morning.plusSeconds(3600L * i))));
        }
        counted.add(countInto(ledger, rules, Engagements.at("next-day", EngagementType.EMAIL_OPENED, morning.plus(Duration.ofDays(1)))));

        // then the first 3 count, the 4th and 5th do not, and a day after the first the window has room again
        assertThat(counted).containsExactly(3, 3, 3, 0, 0, 3);
    }

    private static int countInto(List<LedgerEntry> ledger, EngagementRules rules, Engagement engagement) {
        List<RuleResult> results = rules.evaluate(engagement, ledger);
        results.forEach(result -> ledger.add(LedgerEntry.of(engagement, result, Optional.empty(), 1)));
        return results.stream().mapToInt(RuleResult::points).sum();
    }
}
