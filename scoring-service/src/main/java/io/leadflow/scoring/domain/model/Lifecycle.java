package io.leadflow.scoring.domain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lifecycle thresholds: a known lead becomes an MQL when both axes reach theirs.
 *
 * @param mql the MQL thresholds of a lead in no segment
 * @param recycle what recycling does to the score (none: it is reset)
 * @param segments kinds of leads with MQL thresholds of their own, the first that matches a lead applying (none: every
 *     lead meets {@code mql})
 */
public record Lifecycle(Threshold mql, Recycle recycle, List<Segment> segments) {

    public Lifecycle {
        // null entries are kept for the validator to name
        segments = segments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(segments));
    }

    /** Thresholds for every lead alike. */
    public Lifecycle(Threshold mql, Recycle recycle) {
        this(mql, recycle, null);
    }

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
