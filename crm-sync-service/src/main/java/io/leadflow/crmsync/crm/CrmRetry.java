package io.leadflow.crmsync.crm;

import io.leadflow.txmessaging.Backoff;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Retries a CRM call with {@link Backoff}: exponential with jitter, never sooner than the wait the
 * CRM asked for ({@link CrmCallException#retryAfter()}). Unlike Mutiny's built-in backoff, the wait
 * of each retry can come from the failure itself. Retries resume on {@code scheduler}, which the
 * caller binds to its Vert.x context (Hibernate Reactive needs that).
 */
public final class CrmRetry {

    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;

    public CrmRetry(Backoff backoff, ScheduledExecutorService scheduler) {
        this.backoff = backoff;
        this.scheduler = scheduler;
    }

    /**
     * Subscribes to {@code attempt} until it succeeds. After each failure {@code afterFailure}
     * runs with the failure and the number of failures so far (log it, record it); when it answers
     * a failed Uni the retries stop with that failure (a retry budget that ran out).
     */
    public <T> Uni<T> untilSuccess(Supplier<Uni<? extends T>> attempt, BiFunction<Throwable, Integer, Uni<Void>> afterFailure) {
        return attempt(attempt, afterFailure, 1);
    }

    private <T> Uni<T> attempt(Supplier<Uni<? extends T>> attempt, BiFunction<Throwable, Integer, Uni<Void>> afterFailure, int failuresSoFar) {
        return Uni.createFrom().<T>deferred(attempt)
                .onFailure().recoverWithUni(failure -> afterFailure.apply(failure, failuresSoFar)
                        .flatMap(goOn -> Uni.createFrom().voidItem()
                                .onItem().delayIt().onExecutor(scheduler).by(delay(failure, failuresSoFar)))
                        .flatMap(waited -> attempt(attempt, afterFailure, failuresSoFar + 1)));
    }

    private Duration delay(Throwable failure, int failures) {
        Duration hint = failure instanceof CrmCallException crm ? crm.retryAfter() : null;
        return backoff.delay(failures, hint, ThreadLocalRandom.current().nextDouble());
    }
}
