package io.leadflow.scoring.domain;

import io.leadflow.scoring.domain.model.Cap;
import io.leadflow.scoring.domain.model.EngagementRule;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's engagement rules: every rule that matches an engagement gives its points, unless the
 * engagement is a bot's (nothing scores) or the rule's cap is already full in the window ending at
 * the engagement.
 */
public final class EngagementRules {

    private final List<EngagementRuleMatcher> matchers;

    public EngagementRules(List<EngagementRule> rules) {
        this.matchers = rules.stream().map(EngagementRuleMatcher::new).toList();
    }

    /**
     * @param history the lead's ledger before this engagement: what the caps count
     */
    public List<RuleResult> evaluate(Engagement engagement, List<LedgerEntry> history) {
        if (engagement.bot()) {
            return List.of();
        }
        return matchers.stream()
                .filter(matcher -> matcher.matches(engagement))
                .filter(matcher -> hasRoom(matcher.rule(), engagement.occurredAt(), history))
                .map(matcher -> matcher.result(engagement))
                .toList();
    }

    /** What counting engagements from {@code earliest} on reads of the ledger (see {@link LedgerNeed}). */
    public LedgerNeed ledgerNeeded(Instant earliest) {
        Map<String, Instant> capped = new HashMap<>();
        matchers.stream().map(EngagementRuleMatcher::rule).filter(rule -> rule.cap() != null)
                .forEach(rule -> capped.merge(rule.id(), earliest.minus(rule.cap().per()), (a, b) -> a.isBefore(b) ? a : b));
        return new LedgerNeed(earliest, capped);
    }

    // a window of length cap.per ending at the engagement, start excluded: "at most 3 a day"
    private static boolean hasRoom(EngagementRule rule, Instant at, List<LedgerEntry> history) {
        Cap cap = rule.cap();
        if (cap == null) {
            return true;
        }
        Instant windowStart = at.minus(cap.per());
        long counted = history.stream()
                .filter(entry -> entry.ruleId().equals(rule.id()))
                .filter(entry -> entry.occurredAt().isAfter(windowStart) && !entry.occurredAt().isAfter(at))
                .count();
        return counted < cap.max();
    }
}
