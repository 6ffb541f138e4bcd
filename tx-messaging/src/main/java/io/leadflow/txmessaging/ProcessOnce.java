package io.leadflow.txmessaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Applies an incoming event's effect at most once: the event id is recorded in
 * {@code processed_event} in the same transaction as the effect (and the effect's outbox rows), so a
 * redelivery finds the id and changes nothing. Transient failures are retried with backoff for as
 * long as they last; a {@link PoisonRecordException} is passed on for the dead-letter queue.
 */
@ApplicationScoped
public class ProcessOnce {

    private static final Logger LOG = Logger.getLogger(ProcessOnce.class);

    private final OutboxRelay relay;
    private final Clock clock;
    private final MeterRegistry meters;

    public ProcessOnce(OutboxRelay relay, Clock clock, MeterRegistry meters) {
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
        Timer.Sample sample = Timer.start(meters);
        return TransientRetry.untilSuccess(
                        () -> Panache.withTransaction(() -> ProcessedEvent.<ProcessedEvent>findById(eventId)
                                .flatMap(seen -> seen != null
                                        ? Uni.createFrom().item(false)
                                        : new ProcessedEvent(eventId, clock.instant()).persist()
                                                .flatMap(saved -> effect.get())
                                                .replaceWith(true))),
                        failure -> !(failure instanceof PoisonRecordException),
                        failure -> logRetry(channel, eventId, failure),
                        Duration.ofMillis(200), Duration.ofSeconds(10))
                .invoke(processed -> {
                    sample.stop(meters.timer("leadflow.events.processing", "channel", channel));
                    meters.counter("leadflow.events.in", "channel", channel, "duplicate", String.valueOf(!processed)).increment();
                    if (processed) {
                        relay.kick();
                    }
                })
                .onFailure().invoke(failure -> meters.counter("leadflow.events.failed", "channel", channel).increment());
    }

    private Uni<Void> logRetry(String channel, String eventId, Throwable failure) {
        meters.counter("leadflow.events.retried", "channel", channel).increment();
        LOG.warnf("processing %s from %s failed, retrying: %s", eventId, channel, failure.toString());
        return Uni.createFrom().voidItem();
    }
}
