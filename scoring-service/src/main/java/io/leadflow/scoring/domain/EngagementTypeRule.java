package io.leadflow.scoring.domain;

import io.leadflow.events.EngagementType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The base points of each engagement type: what doing this is worth, whatever the details. */
public final class EngagementTypeRule implements ScoringRule {

    public static final String ID = "engagement-type";

    private final Map<EngagementType, Integer> pointsByType;

    public EngagementTypeRule(Map<EngagementType, Integer> pointsByType) {
        this.pointsByType = pointsByType.isEmpty() ? Map.of() : new EnumMap<>(pointsByType);
    }

    @Override
    public Optional<RuleResult> evaluate(Engagement engagement) {
        int points = pointsByType.getOrDefault(engagement.type(), 0);
        if (points == 0) {
            return Optional.empty();
        }
        return Optional.of(new RuleResult(ID, points, engagement.type().wireName() + " is worth " + points + " points"));
    }
}
