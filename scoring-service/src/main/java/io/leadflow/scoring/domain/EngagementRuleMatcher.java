package io.leadflow.scoring.domain;

import io.leadflow.scoring.domain.model.EngagementRule;
import io.leadflow.scoring.domain.model.EventCondition;

/** One engagement rule of the model, ready to judge engagements: type and every condition must match. */
final class EngagementRuleMatcher {

    private final EngagementRule rule;
    private final EngagementMatch match;

    EngagementRuleMatcher(EngagementRule rule) {
        this.rule = rule;
        this.match = new EngagementMatch(rule.type(), rule.when());
    }

    EngagementRule rule() {
        return rule;
    }

    boolean matches(Engagement engagement) {
        return match.matches(engagement);
    }

    RuleResult result(Engagement engagement) {
        String what = rule.when() == null ? engagement.type().wireName() : engagement.type().wireName() + " " + describe(rule.when());
        return new RuleResult(rule.id(), rule.points(), what + " is worth " + rule.points() + " points");
    }

    private static String describe(EventCondition when) {
        StringBuilder text = new StringBuilder("with");
        appendIfSet(text, "path", when.pathPattern());
        appendIfSet(text, "contentId", when.contentId());
        appendIfSet(text, "formId", when.formId());
        appendIfSet(text, "utm_source", when.utmSource());
        return text.toString();
    }

    private static void appendIfSet(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(text.length() > 4 ? ", " : " ").append(name).append(' ').append(value);
        }
    }
}
