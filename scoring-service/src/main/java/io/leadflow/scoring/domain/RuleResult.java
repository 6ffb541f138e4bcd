package io.leadflow.scoring.domain;

import java.util.Objects;

/**
 * What one scoring rule decided about one engagement.
 *
 * @param ruleId the rule's stable id, stored in the ledger (one entry per event and rule)
 * @param points the points it gives, negative for signals of lost interest
 * @param reason why, in words a sales rep can read
 */
public record RuleResult(String ruleId, int points, String reason) {

    public RuleResult {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(reason, "reason");
    }
}
