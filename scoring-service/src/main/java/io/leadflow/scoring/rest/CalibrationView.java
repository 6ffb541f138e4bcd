package io.leadflow.scoring.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.scoring.domain.calibration.Backtest;
import io.leadflow.scoring.domain.calibration.OutcomeCounts;
import io.leadflow.scoring.domain.calibration.RuleSuggestion;
import io.leadflow.scoring.messaging.CalibrationJob;
import java.time.Instant;
import java.util.List;

/**
 * A calibration as the API shows it.
 *
 * @param id the job's id
 * @param status RUNNING, DONE or FAILED
 * @param phase READING the outcomes' lead histories, FITTING, or ENDED
 * @param from the window's start
 * @param to the window's end
 * @param total how many outcomes it uses
 * @param done how many of their lead histories it has read
 * @param startedAt when it started
 * @param finishedAt when it ended, or null while it runs
 * @param result once DONE, the suggestion and its backtest, else null
 * @param error why it failed, or null
 */
public record CalibrationView(String id, CalibrationJob.Status status, CalibrationJob.Phase phase, Instant from, Instant to, long total,
        long done, Instant startedAt, Instant finishedAt, Result result, String error) {

    /**
     * @param modelVersion the model version calibrated (the active one when it started)
     * @param rules per rule, its current and suggested points, its learned weight and z-score, and whether it adds
     *     nothing (ADDS_NOTHING) or was never seen (UNSEEN)
     * @param current the current model's AUC, lift at the MQL threshold and calibration table on the test part
     * @param suggested the same for the suggestion
     * @param counts outcomes used per part (train, test) and class (converted or not)
     * @param testFrom where the test part starts
     * @param regularisation the fit's L2 penalty on the standardised weights
     * @param suggestedModel the current document with the suggested points, to send to the what-if preview or publish
     */
    public record Result(int modelVersion, List<RuleSuggestion> rules, Backtest.Figures current, Backtest.Figures suggested,
            OutcomeCounts counts, Instant testFrom, double regularisation, JsonNode suggestedModel) {
    }

    static CalibrationView of(CalibrationJob job) {
        CalibrationJob.Progress progress = job.progress();
        CalibrationJob.Result done = progress.result();
        Result result = done == null ? null : new Result(done.modelVersion(), done.report().rules(), done.report().current(),
                done.report().suggested(), done.report().counts(), done.report().testFrom(), done.report().regularisation(),
                done.suggestedModel());
        return new CalibrationView(progress.id().toString(), progress.status(), progress.phase(), progress.from(), progress.to(),
                progress.total(), progress.done(), progress.startedAt(), progress.finishedAt(), result, progress.error());
    }
}
