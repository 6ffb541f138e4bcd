package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where a lead stands before an engagement is counted.
 *
 * @param stage its lifecycle stage
 * @param email its normalized email, or null while it is anonymous: only a known lead can be handed to sales
 * @param traits its profile traits so far
 * @param scoredAsOf the moment its score was last computed for (the latest engagement's time), or null when never
 */
public record LeadStanding(LifecycleStage stage, String email, Map<String, Object> traits, Instant scoredAsOf) {

    public LeadStanding {
        Objects.requireNonNull(stage, "stage");
        traits = traits == null ? Map.of() : traits;
    }

    public boolean identified() {
        return email != null;
    }
}
