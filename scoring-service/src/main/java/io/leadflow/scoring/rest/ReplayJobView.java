package io.leadflow.scoring.rest;

import io.leadflow.scoring.persistence.ReplayJob;
import java.time.Instant;

/**
 * A replay job as the API shows it.
 *
 * @param id the job's id
 * @param modelVersion the model version every lead is re-scored under
 * @param status RUNNING, DONE or FAILED (run it again to finish it)
 * @param total how many leads there were when it started
 * @param done how many it has re-scored
 * @param changed how many of those changed score or stage
 * @param startedAt when it started
 * @param finishedAt when it ended, or null while it runs
 * @param error why it failed, or null
 */
public record ReplayJobView(String id, int modelVersion, ReplayJob.Status status, int total, int done, int changed, Instant startedAt,
        Instant finishedAt, String error) {

    static ReplayJobView of(ReplayJob job) {
        return new ReplayJobView(job.id().toString(), job.modelVersion(), job.status(), job.total(), job.done(), job.changed(),
                job.startedAt(), job.finishedAt(), job.error());
    }
}
