package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A lead's lifecycle history: its stage changes in the order they happened, each with how long the lead had been in
 * the stage it left. A lead starts as a SUBSCRIBER or a LEAD when first seen; a stage whose entry is not recorded
 * (changes made before the history was kept) has no known time.
 */
public final class StageHistory {

    /**
     * A recorded stage change.
     *
     * @param causeEventId the event that caused it (an engagement, a sales feedback, an identification, a replay job)
     * @param reason what kind of decision it was
     */
    public record Change(LifecycleStage from, LifecycleStage to, Instant at, String causeEventId, String reason) {
    }

    /** @param inPrevious how long the lead was in {@code change.from()}; null when when it entered it is unknown */
    public record Step(Change change, Duration inPrevious) {
    }

    private StageHistory() {
    }

    /** @param changes one lead's changes, in the order they happened; {@code firstSeen} is when the lead was created */
    public static List<Step> of(Instant firstSeen, List<Change> changes) {
        List<Step> steps = new ArrayList<>(changes.size());
        LifecycleStage current = null;
        Instant entered = firstSeen;
        for (Change change : changes) {
            boolean known = current == null ? isStart(change.from()) : current == change.from();
            steps.add(new Step(change, known ? Duration.between(entered, change.at()) : null));
            current = change.to();
            entered = change.at();
        }
        return steps;
    }

    private static boolean isStart(LifecycleStage stage) {
        return stage == LifecycleStage.SUBSCRIBER || stage == LifecycleStage.LEAD;
    }
}
