package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import java.util.Objects;

/**
 * Where a lead stands before an engagement is counted.
 *
 * @param score its engagement score
 * @param stage its lifecycle stage
 * @param identified true when its email is known: only such a lead can be handed to sales
 */
public record LeadStanding(int score, LifecycleStage stage, boolean identified) {

    public LeadStanding {
        Objects.requireNonNull(stage, "stage");
    }
}
