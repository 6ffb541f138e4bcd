package io.leadflow.txmessaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.vertx.core.ContextAwareScheduler;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retries a transient operation (database, broker or CRM down) for as long as it fails, with
 * exponential backoff, so the record waits instead of being dead-lettered. Retries resume on the
 * caller's Vert.x context, which Hibernate Reactive requires; Mutiny's backoff timer alone would
 * resume on a worker thread.
 */
public final class TransientRetry {

    private TransientRetry() {
    }

    /**
     * Subscribes to {@code attempt} until it succeeds or fails with a failure that is not
     * {@code transientFailure}; {@code afterFailure} runs after each transient failure (log it,
     * record it). Call it on a Vert.x context.
     */
    public static <T> Uni<T> untilSuccess(Supplier<Uni<? extends T>> attempt, Predicate<Throwable> transientFailure,
            Function<Throwable, Uni<Void>> afterFailure, Duration initialBackoff, Duration maxBackoff) {
        ScheduledExecutorService onThisContext = ContextAwareScheduler.delegatingTo(Infrastructure.getDefaultWorkerPool())
                .withCurrentContext();
        return Uni.createFrom().<T>deferred(attempt)
                .onFailure(transientFailure).call(failure -> afterFailure.apply(failure))
                .onFailure(transientFailure).retry()
                .withBackOff(initialBackoff, maxBackoff)
                .withExecutor(onThisContext)
                .indefinitely();
    }
}
