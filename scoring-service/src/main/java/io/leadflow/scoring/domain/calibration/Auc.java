package io.leadflow.scoring.domain.calibration;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The area under the ROC curve: the chance that a converted lead, drawn at random, has a higher score than a lead
 * that did not convert (ties count half). 0.5 is a coin; 1 ranks every conversion first. Mann-Whitney's rank sum.
 */
public final class Auc {

    private Auc() {
    }

    /** @throws IllegalArgumentException unless both classes are present */
    public static double of(double[] scores, boolean[] converted) {
        int n = scores.length;
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> scores[i])).toArray(Integer[]::new);
        double[] ranks = new double[n];
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            // tied scores share the mean of their ranks (1-based)
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            start = end + 1;
        }
        long positives = IntStream.range(0, n).filter(i -> converted[i]).count();
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("an AUC needs converted and unconverted leads, had " + positives + " and " + negatives);
        }
        double rankSum = IntStream.range(0, n).filter(i -> converted[i]).mapToDouble(i -> ranks[i]).sum();
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
