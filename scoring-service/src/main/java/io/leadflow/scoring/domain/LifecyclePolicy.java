package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;

/**
 * Marketing's part of the lifecycle: a known lead is a LEAD, an anonymous one a SUBSCRIBER, and a
 * known lead whose score reaches the MQL threshold becomes an MQL. A stage never moves backwards,
 * so a lead becomes an MQL once, whatever its score does afterwards.
 */
public final class LifecyclePolicy {

    private final int mqlThreshold;

    public LifecyclePolicy(int mqlThreshold) {
        if (mqlThreshold <= 0) {
            throw new IllegalArgumentException("the MQL threshold must be positive, was " + mqlThreshold);
        }
        this.mqlThreshold = mqlThreshold;
    }

    /** The stage of a lead seen for the first time. */
    public LifecycleStage initialStage(boolean identified) {
        return identified ? LifecycleStage.LEAD : LifecycleStage.SUBSCRIBER;
    }

    /** The stage of a lead in {@code current} once its score is {@code score}. */
    public LifecycleStage stageAfter(LifecycleStage current, boolean identified, int score) {
        LifecycleStage earned = !identified ? LifecycleStage.SUBSCRIBER
                : score >= mqlThreshold ? LifecycleStage.MQL
                : LifecycleStage.LEAD;
        return current.isBelow(earned) ? earned : current;
    }
}
