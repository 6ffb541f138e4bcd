package io.leadflow.crmsync.domain;

import io.leadflow.events.SalesAction;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which Salesforce Lead {@code Status} values are sales' verdict on a handed-off lead. Each rule is
 * written {@code <Status>=<action>} or {@code <Status>=<action>:<reason code>}, for example
 * {@code Working - Contacted=accepted} or {@code Closed - Not Converted=rejected:not-converted}; a
 * status matches case-insensitively. Statuses without a rule (the open ones Leadflow sets itself)
 * say nothing.
 */
public final class SalesforceStatusRules {

    private final Map<String, SalesVerdict> byStatus;

    private SalesforceStatusRules(Map<String, SalesVerdict> byStatus) {
        this.byStatus = Map.copyOf(byStatus);
    }

    /** Parses the rules; a rule that is malformed, names an unknown action or lacks a needed reason fails at once. */
    public static SalesforceStatusRules parse(List<String> rules) {
        Map<String, SalesVerdict> byStatus = new HashMap<>();
        for (String rule : rules) {
            int equals = rule.lastIndexOf('=');
            if (equals <= 0 || equals == rule.length() - 1) {
                throw new IllegalArgumentException("a status rule is <Status>=<action>[:<reason>], got: " + rule);
            }
            String[] verdict = rule.substring(equals + 1).trim().split(":", 2);
            SalesAction action = action(verdict[0].trim(), rule);
            String reason = verdict.length > 1 && !verdict[1].isBlank() ? verdict[1].trim() : null;
            if (action.needsReason() && reason == null) {
                throw new IllegalArgumentException("the status rule " + rule + " needs a reason code: " + action.wireName() + ":<reason>");
            }
            byStatus.put(key(rule.substring(0, equals)), new SalesVerdict(action, reason));
        }
        return new SalesforceStatusRules(byStatus);
    }

    /** Sales' verdict carried by a Lead's status, if any. */
    public Optional<SalesVerdict> of(String status) {
        return status == null ? Optional.empty() : Optional.ofNullable(byStatus.get(key(status)));
    }

    private static SalesAction action(String name, String rule) {
        for (SalesAction action : SalesAction.values()) {
            if (action.wireName().equalsIgnoreCase(name)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown sales action '" + name + "' in the status rule " + rule
                + " (accepted, qualified, rejected, recycled)");
    }

    private static String key(String status) {
        return status.trim().toLowerCase(Locale.ROOT);
    }
}
