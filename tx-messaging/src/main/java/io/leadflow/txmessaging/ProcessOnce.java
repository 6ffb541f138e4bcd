package io.leadflow.txmessaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Applies incoming events' effects at most once: the event ids are recorded in
 * {@code processed_event} in the same transaction as the effect (and the effect's outbox rows), by one statement that
 * skips the ids recorded before, so a redelivery finds the ids and changes nothing. Transient failures are retried with backoff for as
 * long as they last, the whole transaction again; a {@link PoisonRecordException} is passed on for
 * the dead-letter queue.
 */
@ApplicationScoped
public class ProcessOnce {

    private static final Logger LOG = Logger.getLogger(ProcessOnce.class);

    private final OutboxRelay relay;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ObjectMapper json;
    private final WorkInFlight batches = new WorkInFlight();

    public ProcessOnce(OutboxRelay relay, Clock clock, MeterRegistry meters, ObjectMapper json) {
        this.json = json;
        this.relay = relay;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Runs {@code effect} in a transaction unless {@code eventId} was processed before.
     *
     * @param channel the incoming channel, for metrics and logs
     * @return true when the effect ran, false for a duplicate
     */
    public Uni<Boolean> process(String channel, String eventId, Supplier<Uni<Void>> effect) {
        return processAll(channel, List.of(eventId), fresh -> effect.get()).map(fresh -> !fresh.isEmpty());
    }

    /**
     * Runs {@code effect} on the events of {@code eventIds} not processed before, all in one transaction; an id
     * repeated in the list counts once. Nothing runs (and no transaction opens for none) when every id was processed before.
     *
     * @param channel the incoming channel, for metrics and logs
     * @param effect given the ids to process, in the order of {@code eventIds}
     * @return the ids the effect processed
     */
    public Uni<Set<String>> processAll(String channel, List<String> eventIds, Function<Set<String>, Uni<Void>> effect) {
        return processAll(channel, eventIds, ids -> claim(channel, ids), effect);
    }

    /**
     * As {@link #processAll(String, List, Function)}, with the channel's own way of telling the ids not processed before
     * ({@code claim}, run first in the transaction): for a channel whose effect stores each event under its id anyway,
     * that store can answer, and {@code processed_event} need not hold the id a second time. {@code claim} must make a
     * concurrent transaction processing the same id fail or wait, as {@code processed_event}'s key does.
     */
    public Uni<Set<String>> processAll(String channel, List<String> eventIds, Function<List<String>, Uni<Set<String>>> claim,
            Function<Set<String>, Uni<Void>> effect) {
        Set<String> ids = new LinkedHashSet<>(eventIds);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        meters.summary("leadflow.events.batch.size", "channel", channel).record(eventIds.size());
        Timer.Sample sample = Timer.start(meters);
        return Uni.createFrom().deferred(() -> batches.tryEnter() ? transaction(channel, eventIds.size(), ids, claim, effect, sample)
                : leftForNextOwner(channel, ids));
    }

    private Uni<Set<String>> transaction(String channel, int received, Set<String> ids,
            Function<List<String>, Uni<Set<String>>> claim, Function<Set<String>, Uni<Void>> effect, Timer.Sample sample) {
        List<String> distinct = List.copyOf(ids);
        return TransientRetry.untilSuccess(
                        () -> Panache.withTransaction(() -> claim.apply(distinct).flatMap(claimed -> {
                            // in the order of eventIds
                            Set<String> fresh = new LinkedHashSet<>(ids);
                            fresh.retainAll(claimed);
                            return fresh.isEmpty() ? Uni.createFrom().item(fresh) : effect.apply(fresh).replaceWith(fresh);
                        })),
                        failure -> transientFailure(failure) && !batches.closed(),
                        failure -> logRetry(channel, ids, failure),
                        Duration.ofMillis(200), Duration.ofSeconds(10))
                .invoke(fresh -> {
                    sample.stop(meters.timer("leadflow.events.processing", "channel", channel));
                    meters.counter("leadflow.events.in", "channel", channel, "duplicate", "false").increment(fresh.size());
                    meters.counter("leadflow.events.in", "channel", channel, "duplicate", "true").increment(received - fresh.size());
                    if (!fresh.isEmpty()) {
                        relay.kick();
                    }
                })
                // after the kick, so that a stop waiting for this batch finds the relay pass that publishes its effect
                .onTermination().invoke(batches::leave)
                // stopping: no retry, the pool is about to close; the batch stays unacknowledged, not dead-lettered
                .onFailure(this::transientFailure).recoverWithUni(() -> leftForNextOwner(channel, ids))
                .onFailure().invoke(failure -> meters.counter("leadflow.events.failed", "channel", channel).increment());
    }

    /**
     * Admits no more batches and waits up to {@code patience} for those in their transaction: called as the service
     * stops, before the database pool closes. A batch polled after it, or failing transiently during it, is left
     * unacknowledged: its offset is not committed, and the partition's next owner processes it.
     *
     * @return how many batches were still in their transaction when it gave up: 0 once all ended
     */
    public int stop(Duration patience) throws InterruptedException {
        return batches.closeAndAwait(patience);
    }

    private boolean transientFailure(Throwable failure) {
        return !(failure instanceof PoisonRecordException);
    }

    private <T> Uni<T> leftForNextOwner(String channel, Set<String> eventIds) {
        LOG.infof("stopping: %d event(s) from %s (first %s) left unacknowledged for the partition's next owner",
                eventIds.size(), channel, eventIds.iterator().next());
        return Uni.createFrom().nothing();
    }

    /**
     * Records these ids in {@code processed_event}, in the caller's transaction, and answers those not recorded before;
     * an id a concurrent transaction records first is skipped once that one ends.
     */
    public Uni<Set<String>> claim(String channel, List<String> eventIds) {
        return eventIds.isEmpty() ? Uni.createFrom().item(Set.of())
                : ProcessedEvent.claim(JsonRecordSet.ofValues(json, eventIds), clock.instant(), channel);
    }

    private Uni<Void> logRetry(String channel, Set<String> eventIds, Throwable failure) {
        meters.counter("leadflow.events.retried", "channel", channel).increment();
        LOG.warnf("processing %d event(s) from %s (first %s) failed, retrying: %s", eventIds.size(), channel,
                eventIds.iterator().next(), failure.toString());
        return Uni.createFrom().voidItem();
    }
}
