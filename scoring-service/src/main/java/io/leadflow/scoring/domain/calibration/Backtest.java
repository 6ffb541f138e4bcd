package io.leadflow.scoring.domain.calibration;

import io.leadflow.scoring.domain.LifecyclePolicy;
import io.leadflow.scoring.domain.model.FitModel;
import io.leadflow.scoring.domain.model.Grade;
import java.util.List;

/**
 * How well a model's points would have told converters on the test part. A model scores on two axes, engagement and
 * fit; to rank leads by one number the two are weighed by a logistic fit on the training part (the model's points
 * stay as they are), which also turns them into a predicted conversion. Qualifying uses the model's MQL thresholds (a
 * segment's, where the lead's traits put it in one) and grade bands, as scoring does.
 */
public final class Backtest {

    /** How many bands the calibration table has. */
    public static final int BANDS = 5;

    private final FeatureSpace space;
    private final LifecyclePolicy lifecycle;
    private final FitModel fit;
    private final double l2;

    public Backtest(FeatureSpace space, LifecyclePolicy lifecycle, FitModel fit, double l2) {
        this.space = space;
        this.lifecycle = lifecycle;
        this.fit = fit;
        this.l2 = l2;
    }

    /**
     * @param auc on the test part, the chance a converter ranks above a lead that did not convert
     * @param lift on the test part, at the MQL thresholds
     * @param calibration on the test part, predicted against observed conversion by band
     */
    public record Figures(double auc, Lift lift, List<CalibrationBand> calibration) {

        public Figures {
            calibration = List.copyOf(calibration);
        }
    }

    /** @param points the model's points per feature of the space */
    public Figures of(double[] points, List<Calibration.Example> train, List<Calibration.Example> test) {
        int[] engagement = space.indexesOf(FeatureSpace.Axis.ENGAGEMENT);
        int[] fitAxis = space.indexesOf(FeatureSpace.Axis.FIT);
        LogisticRegression.Fitted axes = LogisticRegression.fit(axesOf(train, points, engagement, fitAxis), Calibration.labels(train), l2);
        double[][] testAxes = axesOf(test, points, engagement, fitAxis);
        double[] predicted = new double[test.size()];
        boolean[] qualifies = new boolean[test.size()];
        for (int i = 0; i < test.size(); i++) {
            predicted[i] = axes.probability(testAxes[i]);
            Grade grade = fit.gradeOf(rounded(testAxes[i][1]));
            qualifies[i] = lifecycle.mqlThresholdOf(test.get(i).features().traits()).isMetBy(rounded(testAxes[i][0]), grade);
        }
        boolean[] converted = Calibration.labels(test);
        return new Figures(Auc.of(predicted, converted), Lift.of(qualifies, converted), CalibrationBand.of(predicted, converted, BANDS));
    }

    private static double[][] axesOf(List<Calibration.Example> examples, double[] points, int[] engagement, int[] fitAxis) {
        return examples.stream()
                .map(example -> new double[] {example.features().scoreOf(points, engagement), example.features().scoreOf(points, fitAxis)})
                .toArray(double[][]::new);
    }

    private static int rounded(double score) {
        return (int) Math.floor(score + 0.5);
    }
}
