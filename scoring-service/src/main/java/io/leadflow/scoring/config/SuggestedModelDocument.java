package io.leadflow.scoring.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.scoring.domain.calibration.FeatureSpace;
import io.leadflow.scoring.domain.calibration.RuleSuggestion;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A calibration's suggestion as a model document, ready for the what-if preview and for publishing: the current
 * version's document with each learned rule's points replaced and the rules that add nothing left out (a rule of 0
 * points is no rule); everything else (conditions, caps, decay, grades, thresholds) as it was.
 */
public final class SuggestedModelDocument {

    private SuggestedModelDocument() {
    }

    public static JsonNode of(JsonNode current, List<RuleSuggestion> rules) {
        ObjectNode document = current.deepCopy();
        apply((ArrayNode) document.get("engagementRules"), byId(rules, FeatureSpace.Axis.ENGAGEMENT));
        apply((ArrayNode) document.get("fit").get("rules"), byId(rules, FeatureSpace.Axis.FIT));
        return document;
    }

    private static Map<String, RuleSuggestion> byId(List<RuleSuggestion> rules, FeatureSpace.Axis axis) {
        return rules.stream().filter(rule -> rule.axis() == axis).collect(Collectors.toMap(RuleSuggestion::ruleId, rule -> rule));
    }

    private static void apply(ArrayNode rules, Map<String, RuleSuggestion> suggestions) {
        boolean keepsOne = false;
        for (JsonNode rule : rules) {
            keepsOne |= statusOf(rule, suggestions) != RuleSuggestion.Status.ADDS_NOTHING;
        }
        // a model needs its rules: when none would be left, the list stays as it is
        if (!keepsOne) {
            return;
        }
        for (int i = rules.size() - 1; i >= 0; i--) {
            RuleSuggestion suggestion = suggestions.get(rules.get(i).path("id").asText());
            if (suggestion == null) {
                continue;
            }
            switch (suggestion.status()) {
                case LEARNED -> ((ObjectNode) rules.get(i)).put("points", suggestion.suggestedPoints());
                case ADDS_NOTHING -> rules.remove(i);
                case UNSEEN -> { }
            }
        }
    }

    private static RuleSuggestion.Status statusOf(JsonNode rule, Map<String, RuleSuggestion> suggestions) {
        RuleSuggestion suggestion = suggestions.get(rule.path("id").asText());
        return suggestion == null ? RuleSuggestion.Status.UNSEEN : suggestion.status();
    }
}
