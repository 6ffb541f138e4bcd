package io.leadflow.scoring.domain;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.domain.model.EventCondition;
import java.util.Optional;

/** An engagement type and the conditions on its properties, ready to judge engagements (a rule's, a hand-raise's). */
final class EngagementMatch {

    private final EngagementType type;
    private final EventCondition when;
    private final Optional<PathGlob> path;

    EngagementMatch(EngagementType type, EventCondition when) {
        this.type = type;
        this.when = when;
        this.path = Optional.ofNullable(when).map(EventCondition::pathPattern).map(PathGlob::new);
    }

    boolean matches(Engagement engagement) {
        if (engagement.type() != type) {
            return false;
        }
        if (when == null) {
            return true;
        }
        return path.map(glob -> engagement.path().filter(glob::matches).isPresent()).orElse(true)
                && equalsIfSet(when.contentId(), engagement.property("contentId"), false)
                && equalsIfSet(when.formId(), engagement.property("formId"), false)
                && equalsIfSet(when.utmSource(), engagement.property("utm_source"), true);
    }

    private static boolean equalsIfSet(String expected, Optional<String> actual, boolean ignoreCase) {
        return expected == null
                || actual.filter(value -> ignoreCase ? value.equalsIgnoreCase(expected) : value.equals(expected)).isPresent();
    }
}
