package io.leadflow.scoring.domain.calibration;

import io.leadflow.scoring.domain.LifecyclePolicy;
import io.leadflow.scoring.domain.model.ScoringModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Learns what each rule of the current model is worth from sales' verdicts: an L2-regularised logistic regression
 * on the rules' features (see {@link FeatureSpace}) over the training part, the weights scaled to points
 * ({@link PointScaling}), and both models backtested on the test part ({@link Backtest}).
 */
public final class Calibration {

    /** The penalty on the standardised weights: light, enough to keep rare or collinear rules' weights finite. */
    public static final double L2 = 1.0;

    /**
     * @param features what the model counted of the lead by the moment of its outcome
     * @param converted whether sales took it up
     */
    public record Example(LeadFeatures features, boolean converted) {
    }

    /**
     * @param rules per rule of the current model, its suggested points
     * @param current the current model's figures on the test part
     * @param suggested the suggestion's figures on the test part
     * @param counts the outcomes used, per part and class
     * @param testFrom where the test part starts
     * @param regularisation the L2 penalty of the fit
     */
    public record Report(List<RuleSuggestion> rules, Backtest.Figures current, Backtest.Figures suggested, OutcomeCounts counts,
            Instant testFrom, double regularisation) {

        public Report {
            rules = List.copyOf(rules);
        }
    }

    private Calibration() {
    }

    /**
     * @param model the current model
     * @param split the window's outcomes, each part with enough of each class (see {@link OutcomeCounts#requireEach})
     * @param features per lead id, what the model counted of it by its outcome
     */
    public static Report run(ScoringModel model, OutcomeSplit split, Map<String, LeadFeatures> features) {
        FeatureSpace space = FeatureSpace.of(model);
        List<Example> train = examples(split.train(), features);
        List<Example> test = examples(split.test(), features);
        double[][] x = train.stream().map(example -> example.features().values()).toArray(double[][]::new);
        LogisticRegression.Fitted fitted = LogisticRegression.fit(x, labels(train), L2);
        List<RuleSuggestion> rules = PointScaling.suggest(space, fitted);
        Backtest backtest = new Backtest(space, new LifecyclePolicy(model.lifecycle().mql(), model.lifecycle().segments()), model.fit(), L2);
        double[] suggestedPoints = rules.stream().mapToDouble(RuleSuggestion::suggestedPoints).toArray();
        return new Report(rules, backtest.of(space.currentPoints(), train, test), backtest.of(suggestedPoints, train, test),
                split.counts(), split.testFrom(), L2);
    }

    static boolean[] labels(List<Example> examples) {
        boolean[] labels = new boolean[examples.size()];
        IntStream.range(0, labels.length).forEach(i -> labels[i] = examples.get(i).converted());
        return labels;
    }

    private static List<Example> examples(List<Outcome> outcomes, Map<String, LeadFeatures> features) {
        return outcomes.stream().map(outcome -> new Example(features.get(outcome.leadId()), outcome.converted())).toList();
    }
}
