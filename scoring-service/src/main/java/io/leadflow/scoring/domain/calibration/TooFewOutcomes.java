package io.leadflow.scoring.domain.calibration;

/** A window with too few outcomes of a class in a part to learn from or to test on. */
public final class TooFewOutcomes extends RuntimeException {

    private final transient OutcomeCounts counts;
    private final int minimum;

    public TooFewOutcomes(OutcomeCounts counts, int minimum) {
        super("the window holds " + counts + "; a calibration needs at least " + minimum
                + " converted and " + minimum + " not converted outcomes in each part");
        this.counts = counts;
        this.minimum = minimum;
    }

    public OutcomeCounts counts() {
        return counts;
    }

    public int minimum() {
        return minimum;
    }
}
