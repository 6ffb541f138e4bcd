package io.leadflow.scoring.domain;

import io.leadflow.scoring.domain.model.EngagementRule;
import io.leadflow.scoring.domain.model.EventCondition;

/** One engagement rule of the model, ready to judge engagements: type and every condition must match. */
final class EngagementRuleMatcher {

    private final EngagementRule rule;
    private final EngagementMatch match;

    EngagementRuleMatcher(EngagementRule rule) {
        this.rule = rule;
        this.match = new EngagementMatch(rule.type(), rule.event(), rule.when());
    }

    EngagementRule rule() {
        return rule;
    }

    boolean matches(Engagement engagement) {
        return match.matches(engagement);
    }

    RuleResult result(Engagement engagement) {
        String what = rule.when() == null ? engagement.name() : engagement.name() + " " + describe(rule.when());
        return new RuleResult(rule.id(), rule.points(), what + " is worth " + rule.points() + " points");
    }

    private String describe(EventCondition when) {
        StringBuilder text = new StringBuilder("with");
        appendIfSet(text, "path", when.pathPattern());
        appendIfSet(text, "contentId", when.contentId());
        appendIfSet(text, "formId", when.formId());
        appendIfSet(text, "utm_source", when.utmSource());
        match.describedProperties().forEach(property -> text.append(text.length() > 4 ? ", " : " ").append(property));
        return text.toString();
    }

    private static void appendIfSet(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(text.length() > 4 ? ", " : " ").append(name).append(' ').append(value);
        }
    }
}
