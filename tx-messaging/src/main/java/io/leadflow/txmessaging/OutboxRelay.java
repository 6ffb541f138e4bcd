package io.leadflow.txmessaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in id order, as CloudEvents in binary mode, and deletes
 * them once the broker acknowledged them. A crash before the delete republishes the same ids, which
 * consumers drop as duplicates. Runs when a transaction that wrote to the outbox commits
 * ({@link #kick()}) and on a timer that picks up whatever a failure left behind.
 *
 * <p>A row without payload is a tombstone ({@link Outbox.Event#tombstone}): its key with a null value, no CloudEvent.
 *
 * <p>The service maps channel {@code outbox} to the Kafka connector; each row names its own topic. A row's trace
 * context becomes the parent of the connector's producer span, whose {@code traceparent} the record carries: the
 * consumer continues the trace that decided the event, not one the relay would start.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH_SIZE = 200;

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final URI source;
    private final MeterRegistry meters;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final WorkInFlight passes = new WorkInFlight();

    public OutboxRelay(Pool pool, @Channel("outbox") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "leadflow.cloud-events.source") String source, MeterRegistry meters) {
        this.pool = pool;
        this.emitter = emitter;
        this.source = URI.create(source);
        this.meters = meters;
    }

    /** Starts a relay pass now, or right after the one that is running. */
    public void kick() {
        if (!running.compareAndSet(false, true)) {
            pending.set(true);
            return;
        }
        if (!passes.tryEnter()) {
            // stopped: the rows wait for the next pass of any instance
            running.set(false);
            return;
        }
        relayBatch().onTermination().invoke(passes::leave).subscribe().with(this::passEnded, failure -> {
            LOG.warnf("outbox relay pass failed, will retry: %s", failure.getMessage());
            running.set(false);
        });
    }

    /**
     * Starts no more passes and waits up to {@code patience} for the one running: called as the service stops, after
     * the last transactions kicked it, before the database pool closes.
     *
     * @return 1 when a pass still runs after {@code patience}, else 0
     */
    public int stop(Duration patience) throws InterruptedException {
        return passes.closeAndAwait(patience);
    }

    // not while starting (the channels are not wired yet) nor while stopping (the pool is closed)
    @Scheduled(every = "${leadflow.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        kick();
    }

    private void passEnded(int sent) {
        running.set(false);
        if (sent == BATCH_SIZE | pending.getAndSet(false)) {
            kick();
        }
    }

    private Uni<Integer> relayBatch() {
        return pool.preparedQuery("select id, event_id, topic, record_key, ce_type, payload, created_at, traceparent, tracestate"
                        + " from outbox order by id limit $1")
                .execute(Tuple.of(BATCH_SIZE))
                .flatMap(this::publishAndDelete);
    }

    private Uni<Integer> publishAndDelete(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> sends = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            sends.add(send(row));
        }
        return Uni.join().all(sends).andFailFast()
                .flatMap(sent -> pool.preparedQuery("delete from outbox where id = any($1)")
                        .execute(Tuple.of(ids.toArray(Long[]::new))))
                .replaceWith(ids.size());
    }

    private Uni<Void> send(Row row) {
        String topic = row.getString("topic");
        String payload = row.getString("payload");
        Message<String> message = Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topic)
                        .withKey(row.getString("record_key"))
                        .build())
                .addMetadata(TracingMetadata.withCurrent(
                        new OutboxTrace(row.getString("traceparent"), row.getString("tracestate")).context()));
        if (payload != null) {
            message = message.addMetadata(OutgoingCloudEventMetadata.builder()
                    .withId(row.getString("event_id"))
                    .withType(row.getString("ce_type"))
                    .withSource(source)
                    .withTimestamp(row.getOffsetDateTime("created_at").atZoneSameInstant(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .build());
        }
        return emitter.sendMessage(message)
                .invoke(() -> meters.counter("leadflow.events.out", "topic", topic).increment());
    }
}
