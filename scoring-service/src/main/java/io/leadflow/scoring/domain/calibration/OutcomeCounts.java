package io.leadflow.scoring.domain.calibration;

/**
 * How many outcomes a calibration used, per part and class.
 *
 * @param trainConverted conversions in the training part
 * @param trainNotConverted refusals in the training part
 * @param testConverted conversions in the test part
 * @param testNotConverted refusals in the test part
 */
public record OutcomeCounts(int trainConverted, int trainNotConverted, int testConverted, int testNotConverted) {

    public int total() {
        return trainConverted + trainNotConverted + testConverted + testNotConverted;
    }

    /** True when each part holds at least {@code minimum} outcomes of each class. */
    public boolean each(int minimum) {
        return Math.min(Math.min(trainConverted, trainNotConverted), Math.min(testConverted, testNotConverted)) >= minimum;
    }

    /** @throws TooFewOutcomes unless each part holds at least {@code minimum} outcomes of each class */
    public OutcomeCounts requireEach(int minimum) {
        if (!each(minimum)) {
            throw new TooFewOutcomes(this, minimum);
        }
        return this;
    }

    @Override
    public String toString() {
        return total() + " outcomes: training " + trainConverted + " converted and " + trainNotConverted + " not, test "
                + testConverted + " converted and " + testNotConverted + " not";
    }
}
