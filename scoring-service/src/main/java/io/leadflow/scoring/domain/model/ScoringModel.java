package io.leadflow.scoring.domain.model;

import java.util.List;

/**
 * A scoring model document: how engagement earns points, how fast they fade, how well a lead fits
 * and when it qualifies. Marketing ops write it as JSON; {@link ScoringModelValidator} checks it
 * before it is used, naming the field at fault.
 *
 * @param engagementRules points per engagement, each rule with optional conditions and a cap
 * @param decay how fast engagement points fade, per engagement type
 * @param fit the fit rules and grade bands
 * @param lifecycle the thresholds on both axes that make a lead an MQL
 */
public record ScoringModel(List<EngagementRule> engagementRules, Decay decay, FitModel fit, Lifecycle lifecycle) {

    public ScoringModel {
        engagementRules = engagementRules == null ? null : List.copyOf(engagementRules);
    }
}
