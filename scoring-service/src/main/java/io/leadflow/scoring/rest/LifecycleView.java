package io.leadflow.scoring.rest;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.StageHistory;
import io.leadflow.scoring.persistence.Lead;
import java.time.Instant;
import java.util.List;

/**
 * A lead's lifecycle history.
 *
 * @param leadId the lead's id
 * @param firstSeen when the lead was first seen (it started as a SUBSCRIBER or a LEAD)
 * @param stage the stage it is in now
 * @param changes its stage changes, oldest first
 */
public record LifecycleView(String leadId, Instant firstSeen, LifecycleStage stage, List<Change> changes) {

    /**
     * One stage change.
     *
     * @param causeEventId the event that caused it (an engagement, a sales feedback, an identification, a replay job)
     * @param reason what kind of decision it was
     * @param secondsInPrevious how long the lead had been in {@code from}; null when when it entered it is not recorded
     */
    public record Change(LifecycleStage from, LifecycleStage to, Instant at, String causeEventId, String reason,
            Long secondsInPrevious) {
    }

    static LifecycleView of(Lead lead, List<StageHistory.Change> changes) {
        List<Change> steps = StageHistory.of(lead.createdAt(), changes).stream()
                .map(step -> new Change(step.change().from(), step.change().to(), step.change().at(), step.change().causeEventId(),
                        step.change().reason(), step.inPrevious() == null ? null : step.inPrevious().toSeconds()))
                .toList();
        return new LifecycleView(lead.id().toString(), lead.createdAt(), lead.stage(), steps);
    }
}
