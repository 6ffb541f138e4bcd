package io.leadflow.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the processes a test started: politely first, so they can flush and release ports. */
public final class ChildProcesses {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private ChildProcesses() {
    }

    /** Sends SIGTERM, waits up to 20 s, then kills; true when the process exited by itself within that time. */
    public static boolean stop(Process process) {
        process.destroy();
        try {
            if (process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                return true;
            }
            process.destroyForcibly();
            process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Kills as {@code kill -9} would (no shutdown hook, no flush) and waits until the process is gone. */
    public static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
