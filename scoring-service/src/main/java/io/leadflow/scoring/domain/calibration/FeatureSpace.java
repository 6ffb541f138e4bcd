package io.leadflow.scoring.domain.calibration;

import io.leadflow.scoring.domain.model.EngagementRule;
import io.leadflow.scoring.domain.model.FitRule;
import io.leadflow.scoring.domain.model.ScoringModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The features a calibration fits: one per rule of the current model, its engagement rules first, then its fit rules.
 * An engagement rule's feature is how many times it counted, each time decayed as its points were (so its points
 * times the feature are what it adds to the score); a fit rule's is 1 when it matched.
 */
public final class FeatureSpace {

    /** Which score a rule adds to. */
    public enum Axis { ENGAGEMENT, FIT }

    /**
     * @param ruleId the rule's id
     * @param axis the score it adds to
     * @param currentPoints its points in the current model
     */
    public record Feature(String ruleId, Axis axis, int currentPoints) {
    }

    private final List<Feature> features;
    private final Map<String, Integer> engagement = new HashMap<>();
    private final Map<String, Integer> fit = new HashMap<>();

    private FeatureSpace(List<Feature> features) {
        this.features = List.copyOf(features);
        for (int i = 0; i < features.size(); i++) {
            (features.get(i).axis() == Axis.ENGAGEMENT ? engagement : fit).put(features.get(i).ruleId(), i);
        }
    }

    public static FeatureSpace of(ScoringModel model) {
        List<Feature> features = new ArrayList<>();
        for (EngagementRule rule : model.engagementRules()) {
            features.add(new Feature(rule.id(), Axis.ENGAGEMENT, rule.points()));
        }
        for (FitRule rule : model.fit().rules()) {
            features.add(new Feature(rule.id(), Axis.FIT, rule.points()));
        }
        return new FeatureSpace(features);
    }

    public List<Feature> features() {
        return features;
    }

    public int size() {
        return features.size();
    }

    /** The index of the engagement rule's feature, or -1. */
    public int engagementIndex(String ruleId) {
        return engagement.getOrDefault(ruleId, -1);
    }

    /** The index of the fit rule's feature, or -1. */
    public int fitIndex(String ruleId) {
        return fit.getOrDefault(ruleId, -1);
    }

    /** The indexes of the features of one axis. */
    public int[] indexesOf(Axis axis) {
        return IntStream.range(0, features.size()).filter(i -> features.get(i).axis() == axis).toArray();
    }

    /** The current model's points, feature by feature. */
    public double[] currentPoints() {
        return features.stream().mapToDouble(Feature::currentPoints).toArray();
    }
}
