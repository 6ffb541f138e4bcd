package io.leadflow.scoring.rest;

import io.leadflow.scoring.domain.WhatIfTally;
import io.leadflow.scoring.messaging.PreviewJob;
import java.time.Instant;

/**
 * A what-if preview job as the API shows it.
 *
 * @param id the job's id
 * @param status RUNNING, DONE or FAILED
 * @param top how many of the leads that would move most it lists
 * @param total how many leads there were when it started
 * @param done how many it has scored under the candidate so far
 * @param startedAt when it started
 * @param finishedAt when it ended, or null while it runs
 * @param result once DONE, what the candidate would do (as {@code POST /v1/scoring-model/preview} answers), else null
 * @param error why it failed, or null
 */
public record PreviewJobView(String id, PreviewJob.Status status, int top, long total, long done, Instant startedAt, Instant finishedAt,
        WhatIfTally.Summary result, String error) {

    static PreviewJobView of(PreviewJob job) {
        PreviewJob.Progress progress = job.progress();
        return new PreviewJobView(progress.id().toString(), progress.status(), progress.top(), progress.total(), progress.done(),
                progress.startedAt(), progress.finishedAt(), progress.result(), progress.error());
    }
}
