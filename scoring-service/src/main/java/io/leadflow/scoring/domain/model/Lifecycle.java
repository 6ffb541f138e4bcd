package io.leadflow.scoring.domain.model;

/**
 * The lifecycle thresholds: a known lead becomes an MQL when both axes reach theirs.
 *
 * @param mql the MQL thresholds
 * @param recycle what recycling does to the score (none: it is reset)
 */
public record Lifecycle(Threshold mql, Recycle recycle) {

    /** The share of a recycled lead's points that keeps counting, 0 to 1. */
    public double recycleKeeps() {
        return recycle == null ? 0 : recycle.keepPercent() / 100.0;
    }

    /**
     * What happens to a lead's engagement score when sales recycles it, so that it can re-qualify.
     *
     * @param keepPercent the percentage of its points that keeps counting: 0 resets the score
     */
    public record Recycle(Integer keepPercent) {
    }

    /**
     * @param engagement the minimum engagement score
     * @param fit the minimum fit grade
     */
    public record Threshold(Integer engagement, Grade fit) {

        public boolean isMetBy(int engagementScore, Grade grade) {
            return engagementScore >= engagement && grade.isAtLeast(fit);
        }
    }
}
