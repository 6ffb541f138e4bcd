package io.leadflow.scoring.messaging;

import java.util.UUID;

/** A background job (a what-if preview, a calibration) was asked for while another of its kind runs on this instance. */
public final class JobAlreadyRunning extends RuntimeException {

    private final UUID running;

    JobAlreadyRunning(UUID running) {
        super("a job is already running: " + running);
        this.running = running;
    }

    /** The id of the job that runs. */
    public UUID running() {
        return running;
    }
}
