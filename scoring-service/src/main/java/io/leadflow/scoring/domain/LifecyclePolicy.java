package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.Grade;
import io.leadflow.scoring.domain.model.Lifecycle;

/**
 * Marketing's part of the lifecycle: a known lead is a LEAD, an anonymous one a SUBSCRIBER, and a
 * known lead whose engagement score and fit grade both reach the MQL thresholds becomes an MQL. A
 * stage never moves backwards, so a lead becomes an MQL once, whatever its score does afterwards,
 * unless sales recycles it: a RECYCLED lead that reaches both thresholds again is an MQL again.
 */
public final class LifecyclePolicy {

    private final Lifecycle.Threshold mql;

    public LifecyclePolicy(Lifecycle.Threshold mql) {
        if (mql.engagement() <= 0) {
            throw new IllegalArgumentException("the MQL engagement threshold must be positive, was " + mql.engagement());
        }
        this.mql = mql;
    }

    /** The stage of a lead seen for the first time. */
    public LifecycleStage initialStage(boolean identified) {
        return identified ? LifecycleStage.LEAD : LifecycleStage.SUBSCRIBER;
    }

    /** The stage of a lead in {@code current} once its engagement score is {@code score} and its grade {@code grade}. */
    public LifecycleStage stageAfter(LifecycleStage current, boolean identified, int score, Grade grade) {
        LifecycleStage earned = !identified ? LifecycleStage.SUBSCRIBER
                : mql.isMetBy(score, grade) ? LifecycleStage.MQL
                : LifecycleStage.LEAD;
        if (current == LifecycleStage.RECYCLED) {
            return earned == LifecycleStage.MQL ? earned : current;
        }
        return current.isBelow(earned) ? earned : current;
    }
}
