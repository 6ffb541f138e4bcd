package io.leadflow.scoring.domain.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns learned weights into points a person can read beside the current ones: per axis, every weight is multiplied
 * by one factor, the one that gives the rules the data support the same size of points, together, as they have now
 * (the root mean square of their points), then rounded. Signs are kept; the axis keeps the scale its MQL threshold and
 * grade bands are written in, and the learned points differ from the current ones only where the data say so.
 */
public final class PointScaling {

    /** The |z| a weight needs for its rule to count as adding something (about 95% two-sided). */
    public static final double MIN_Z = 2;

    private PointScaling() {
    }

    public static List<RuleSuggestion> suggest(FeatureSpace space, LogisticRegression.Fitted fitted) {
        double[] scale = new double[FeatureSpace.Axis.values().length];
        for (FeatureSpace.Axis axis : FeatureSpace.Axis.values()) {
            double weights = 0;
            double points = 0;
            for (int i : space.indexesOf(axis)) {
                if (supported(fitted, i)) {
                    weights += fitted.weights()[i] * fitted.weights()[i];
                    points += (double) space.features().get(i).currentPoints() * space.features().get(i).currentPoints();
                }
            }
            scale[axis.ordinal()] = weights == 0 ? 0 : Math.sqrt(points / weights);
        }
        List<RuleSuggestion> suggestions = new ArrayList<>(space.size());
        for (int i = 0; i < space.size(); i++) {
            FeatureSpace.Feature feature = space.features().get(i);
            double weight = fitted.weights()[i];
            int points = (int) Math.round(weight * scale[feature.axis().ordinal()]);
            RuleSuggestion.Status status = !fitted.seen()[i] ? RuleSuggestion.Status.UNSEEN
                    : supported(fitted, i) && points != 0 ? RuleSuggestion.Status.LEARNED
                    : RuleSuggestion.Status.ADDS_NOTHING;
            int suggested = switch (status) {
                case LEARNED -> points;
                case ADDS_NOTHING -> 0;
                case UNSEEN -> feature.currentPoints();
            };
            suggestions.add(new RuleSuggestion(feature.ruleId(), feature.axis(), feature.currentPoints(), suggested, weight,
                    fitted.zScores()[i], status));
        }
        return suggestions;
    }

    private static boolean supported(LogisticRegression.Fitted fitted, int i) {
        return fitted.seen()[i] && Math.abs(fitted.zScores()[i]) >= MIN_Z;
    }
}
