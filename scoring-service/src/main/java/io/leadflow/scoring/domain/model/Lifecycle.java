package io.leadflow.scoring.domain.model;

import io.leadflow.events.EngagementType;
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
 * @param handRaises the engagements by which a person asks for sales (a demo request, contact sales, a pricing
 *     request): one of them makes a known lead whose fit meets its threshold's grade an MQL at once, whatever its
 *     engagement score (none: only the thresholds qualify)
 */
public record Lifecycle(Threshold mql, Recycle recycle, List<Segment> segments, List<HandRaise> handRaises) {

    public Lifecycle {
        // null entries are kept for the validator to name
        segments = segments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(segments));
        handRaises = handRaises == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(handRaises));
    }

    /** Thresholds for every lead alike. */
    public Lifecycle(Threshold mql, Recycle recycle) {
        this(mql, recycle, null, null);
    }

    /** Thresholds per segment, no hand-raises. */
    public Lifecycle(Threshold mql, Recycle recycle, List<Segment> segments) {
        this(mql, recycle, segments, null);
    }

    /**
     * An engagement that asks for sales, however it arrives (form, API, Segment, connector).
     *
     * @param type its engagement type
     * @param when conditions on its properties, as an engagement rule's (none: every engagement of the type)
     * @param event the event's name, as an engagement rule's: required for a custom type ({@code Contact Sales Clicked})
     */
    public record HandRaise(EngagementType type, EventCondition when, String event) {

        /** A hand-raise of a type, whatever its events are named. */
        public HandRaise(EngagementType type, EventCondition when) {
            this(type, when, null);
        }
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
