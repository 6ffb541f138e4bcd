package io.leadflow.scoring.domain;

import io.leadflow.scoring.domain.model.EngagementRule;
import io.leadflow.scoring.domain.model.EventCondition;
import java.util.Optional;

/** One engagement rule of the model, ready to judge engagements: type and every condition must match. */
final class EngagementRuleMatcher {

    private final EngagementRule rule;
    private final Optional<PathGlob> path;

    EngagementRuleMatcher(EngagementRule rule) {
        this.rule = rule;
        this.path = Optional.ofNullable(rule.when()).map(EventCondition::pathPattern).map(PathGlob::new);
    }

    EngagementRule rule() {
        return rule;
    }

    boolean matches(Engagement engagement) {
        if (engagement.type() != rule.type()) {
            return false;
        }
        EventCondition when = rule.when();
        if (when == null) {
            return true;
        }
        return path.map(glob -> engagement.path().filter(glob::matches).isPresent()).orElse(true)
                && equalsIfSet(when.contentId(), engagement.property("contentId"), false)
                && equalsIfSet(when.formId(), engagement.property("formId"), false)
                && equalsIfSet(when.utmSource(), engagement.property("utm_source"), true);
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

    private static boolean equalsIfSet(String expected, Optional<String> actual, boolean ignoreCase) {
        return expected == null
                || actual.filter(value -> ignoreCase ? value.equalsIgnoreCase(expected) : value.equals(expected)).isPresent();
    }
}
