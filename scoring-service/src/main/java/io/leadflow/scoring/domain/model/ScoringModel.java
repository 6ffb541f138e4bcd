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
 * @param accounts how leads roll up to accounts and when an account is an MQA; null for {@link AccountModel#byDefault()}
 */
public record ScoringModel(List<EngagementRule> engagementRules, Decay decay, FitModel fit, Lifecycle lifecycle, AccountModel accounts) {

    public ScoringModel {
        engagementRules = engagementRules == null ? null : List.copyOf(engagementRules);
    }

    /** A model whose accounts roll up by default. */
    public ScoringModel(List<EngagementRule> engagementRules, Decay decay, FitModel fit, Lifecycle lifecycle) {
        this(engagementRules, decay, fit, lifecycle, null);
    }

    /** The accounts section, or the default when the model has none. */
    public AccountModel accountsOrDefault() {
        return accounts == null ? AccountModel.byDefault() : accounts;
    }
}
