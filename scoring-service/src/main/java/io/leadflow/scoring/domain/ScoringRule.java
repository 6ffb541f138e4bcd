package io.leadflow.scoring.domain;

import java.util.Optional;

/** One reason to give a lead points for an engagement; empty when the rule does not apply. */
public interface ScoringRule {

    Optional<RuleResult> evaluate(Engagement engagement);
}
