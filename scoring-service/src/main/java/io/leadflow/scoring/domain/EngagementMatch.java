package io.leadflow.scoring.domain;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.domain.model.EventCondition;
import java.util.List;
import java.util.Optional;

/**
 * An engagement type, the event's name when one is given (a custom engagement's, compared ignoring case), and the
 * conditions on its properties, ready to judge engagements (a rule's, a hand-raise's).
 */
final class EngagementMatch {

    private final EngagementType type;
    private final String event;
    private final EventCondition when;
    private final Optional<PathGlob> path;
    private final List<PropertyMatch> properties;

    EngagementMatch(EngagementType type, String event, EventCondition when) {
        this.type = type;
        this.event = event == null ? null : event.trim();
        this.when = when;
        this.path = Optional.ofNullable(when).map(EventCondition::pathPattern).map(PathGlob::new);
        this.properties = when == null ? List.of() : when.properties().stream().map(PropertyMatch::new).toList();
    }

    boolean matches(Engagement engagement) {
        if (engagement.type() != type) {
            return false;
        }
        if (event != null && (engagement.event() == null || !engagement.event().trim().equalsIgnoreCase(event))) {
            return false;
        }
        if (when == null) {
            return true;
        }
        return path.map(glob -> engagement.path().filter(glob::matches).isPresent()).orElse(true)
                && equalsIfSet(when.contentId(), engagement.property("contentId"), false)
                && equalsIfSet(when.formId(), engagement.property("formId"), false)
                && equalsIfSet(when.utmSource(), engagement.property("utm_source"), true)
                && properties.stream().allMatch(property -> property.matches(engagement.properties()));
    }

    /** The property conditions as they read in an explanation. */
    List<String> describedProperties() {
        return properties.stream().map(PropertyMatch::describe).toList();
    }

    private static boolean equalsIfSet(String expected, Optional<String> actual, boolean ignoreCase) {
        return expected == null
                || actual.filter(value -> ignoreCase ? value.equalsIgnoreCase(expected) : value.equals(expected)).isPresent();
    }
}
