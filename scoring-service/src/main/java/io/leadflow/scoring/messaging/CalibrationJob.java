package io.leadflow.scoring.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.scoring.domain.calibration.Calibration;
import java.time.Instant;
import java.util.UUID;

/**
 * A calibration running in the background and how far it got: read by requests while the calibration's thread moves
 * it on. It first reads each outcome's lead history (the long part), then fits.
 */
public final class CalibrationJob {

    /** Where a calibration is. */
    public enum Status { RUNNING, DONE, FAILED }

    /** What a running calibration is doing. */
    public enum Phase { READING, FITTING, ENDED }

    /**
     * @param modelVersion the model version it calibrated
     * @param report the suggestion and the backtest
     * @param suggestedModel the current version's document with the suggested points: for the what-if preview and publishing
     */
    public record Result(int modelVersion, Calibration.Report report, JsonNode suggestedModel) {
    }

    /**
     * @param total how many outcomes it uses
     * @param done how many of their lead histories it has read
     * @param result the result once done, else null
     * @param error why it failed, or null
     */
    public record Progress(UUID id, Status status, Phase phase, Instant from, Instant to, long total, long done, Instant startedAt,
            Instant finishedAt, Result result, String error) {
    }

    private final UUID id = UUID.randomUUID();
    private final Instant from;
    private final Instant to;
    private final long total;
    private final Instant startedAt;
    private Phase phase = Phase.READING;
    private long done;
    private Instant finishedAt;
    private Result result;
    private String error;

    CalibrationJob(Instant from, Instant to, long total, Instant now) {
        this.from = from;
        this.to = to;
        this.total = total;
        this.startedAt = now;
    }

    public UUID id() {
        return id;
    }

    synchronized void read(int outcomes) {
        done += outcomes;
    }

    synchronized void fitting() {
        phase = Phase.FITTING;
    }

    synchronized void finished(Result finished, Instant now) {
        phase = Phase.ENDED;
        result = finished;
        finishedAt = now;
    }

    synchronized void failed(Throwable failure, Instant now) {
        phase = Phase.ENDED;
        error = failure.toString();
        finishedAt = now;
    }

    /** The job as it stands now, consistent with itself. */
    public synchronized Progress progress() {
        Status status = result != null ? Status.DONE : error != null ? Status.FAILED : Status.RUNNING;
        return new Progress(id, status, phase, from, to, total, done, startedAt, finishedAt, result, error);
    }
}
