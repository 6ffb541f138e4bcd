package io.leadflow.scoring.domain.calibration;

/**
 * What the outcomes say one rule is worth, beside what the current model gives it.
 *
 * @param ruleId the rule's id
 * @param axis the score it adds to
 * @param currentPoints its points in the current model
 * @param suggestedPoints its suggested points: the learned weight scaled to the current points' size (see {@link PointScaling}) and rounded; 0
 *     when it adds nothing; its current points when it was never seen
 * @param weight the learned change in log-odds per unit of its feature (one count at full weight, or a match)
 * @param zScore the weight over its standard error: how clearly the data tell it from nothing
 * @param status what the outcomes say of it
 */
public record RuleSuggestion(String ruleId, FeatureSpace.Axis axis, int currentPoints, int suggestedPoints, double weight,
        double zScore, Status status) {

    /** What the outcomes say of a rule. */
    public enum Status {
        /** the data support its weight: it has suggested points */
        LEARNED,
        /** it counted, but the data cannot tell its weight from nothing (|z| below {@value PointScaling#MIN_Z}): 0 suggested */
        ADDS_NOTHING,
        /** it never counted (or counted for every lead alike) in the training part: its points are kept */
        UNSEEN
    }
}
