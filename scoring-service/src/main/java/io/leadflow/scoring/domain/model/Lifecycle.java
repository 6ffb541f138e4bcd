package io.leadflow.scoring.domain.model;

/**
 * The lifecycle thresholds: a known lead becomes an MQL when both axes reach theirs.
 *
 * @param mql the MQL thresholds
 */
public record Lifecycle(Threshold mql) {

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
