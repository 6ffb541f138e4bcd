package io.leadflow.scoring.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Background jobs of one kind on this instance (what-if previews, calibrations): at most one runs at a time, since each
 * reads every lead's history, and the latest {@code kept} are kept for their clients to read.
 *
 * @param <J> the job
 */
final class OneJobAtATime<J> {

    private final Function<J, UUID> idOf;
    private final Executor worker;
    private final AtomicReference<J> running = new AtomicReference<>();
    private final Map<UUID, J> jobs;

    OneJobAtATime(Function<J, UUID> idOf, Executor worker, int kept) {
        this.idOf = idOf;
        this.worker = worker;
        this.jobs = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, J> eldest) {
                return size() > kept;
            }
        };
    }

    /** Runs {@code work} for {@code job} on the worker; throws {@link JobAlreadyRunning} while another job runs. */
    J start(J job, Runnable work) {
        if (!running.compareAndSet(null, job)) {
            throw new JobAlreadyRunning(idOf.apply(running.get()));
        }
        synchronized (jobs) {
            jobs.put(idOf.apply(job), job);
        }
        worker.execute(() -> {
            try {
                work.run();
            } finally {
                running.compareAndSet(job, null);
            }
        });
        return job;
    }

    /** The job with this id, running or among the latest kept. */
    Optional<J> find(UUID id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }
}
