package io.leadflow.scoring.domain.model;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.domain.model.PropertyCondition.Op;
import java.util.function.BiConsumer;

/** The checks of what an engagement rule or a hand-raise matches: its type, event name and conditions. */
final class EngagementMatchChecks {

    /** As capture keeps it: a name, not a payload. */
    private static final int MAX_EVENT_LENGTH = 200;

    private final BiConsumer<String, String> problem;

    EngagementMatchChecks(BiConsumer<String, String> problem) {
        this.problem = problem;
    }

    /** Its event name and conditions; its type is required by the caller, in the order its fields are named. */
    void check(String path, EngagementType type, String event, EventCondition when) {
        if (event != null && (event.isBlank() || event.length() > MAX_EVENT_LENGTH)) {
            problem.accept(path + ".event", "must be an event's name, 1 to " + MAX_EVENT_LENGTH + " characters");
        } else if (event == null && type == EngagementType.CUSTOM) {
            problem.accept(path + ".event", "is required for a custom type: the event's name, such as Pricing Calculator Used");
        }
        if (when != null) {
            checkCondition(path + ".when", when);
        }
    }

    private void checkCondition(String path, EventCondition when) {
        if (when.isEmpty()) {
            problem.accept(path, "must set at least one of pathPattern, contentId, formId, utmSource, properties");
        }
        if (when.pathPattern() != null && !when.pathPattern().startsWith("/") && !when.pathPattern().startsWith("*")) {
            problem.accept(path + ".pathPattern", "must be a path glob starting with / or *, such as /pricing*");
        }
        for (int i = 0; i < when.properties().size(); i++) {
            checkProperty(path + ".properties[" + i + "]", when.properties().get(i));
        }
    }

    private void checkProperty(String path, PropertyCondition condition) {
        if (condition == null) {
            problem.accept(path, "is required");
            return;
        }
        if (condition.property() == null || condition.property().isBlank()) {
            problem.accept(path + ".property", "is required: the property's name, such as seats");
        }
        Op op = Op.of(condition.op()).orElse(null);
        if (op == null) {
            problem.accept(path + ".op", "must be one of " + Op.WRITTEN);
            return;
        }
        Object value = condition.value();
        if (op == Op.EXISTS) {
            if (value != null) {
                problem.accept(path + ".value", "must be absent: exists compares with nothing");
            }
        } else if (value == null) {
            problem.accept(path + ".value", "is required: a number, a text or true/false to compare with");
        } else if (op.isOrdering() && !(value instanceof Number)) {
            problem.accept(path + ".value", "must be a number: " + op.symbol() + " compares numbers");
        } else if (!(value instanceof Number || value instanceof String || value instanceof Boolean)) {
            problem.accept(path + ".value", "must be a number, a text or true/false");
        }
    }
}
