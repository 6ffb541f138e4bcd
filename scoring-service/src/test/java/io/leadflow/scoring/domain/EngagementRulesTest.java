package io.leadflow.scoring.domain;

import static io.leadflow.scoring.domain.Models.path;
import static io.leadflow.scoring.domain.Models.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.domain.model.EventCondition;
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
