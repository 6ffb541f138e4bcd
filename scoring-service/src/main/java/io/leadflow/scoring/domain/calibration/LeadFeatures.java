package io.leadflow.scoring.domain.calibration;

import java.util.Map;

/**
 * One lead's features at the moment of its outcome (see {@link FeatureSpace}), and its traits then, which pick the
 * MQL thresholds of its segment.
 *
 * @param values one value per feature of the space, in its order
 * @param traits the lead's traits at that moment
 */
public record LeadFeatures(double[] values, Map<String, Object> traits) {

    public LeadFeatures {
        values = values.clone();
        traits = Map.copyOf(traits);
    }

    /** What a model with these points per feature makes of this lead on one axis: the sum over the axis' features. */
    public double scoreOf(double[] points, int[] axis) {
        double score = 0;
        for (int i : axis) {
            score += points[i] * values[i];
        }
        return score;
    }
}
