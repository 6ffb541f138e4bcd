package io.leadflow.capture.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.Attribution;
import io.leadflow.capture.domain.OutgoingEvent;
import io.leadflow.events.CloudEventSources;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Writes captured events ({@code engagement.captured.v1}, {@code lead.identified.v1}) to
 * {@code leadflow.engagement.v1} as binary-mode CloudEvents keyed by lead key, each engagement with its
 * attribution channel ({@link Attribution}), and completes only when the broker acknowledged every one of them (acks=all, idempotent
 * producer): an HTTP 2xx built on it means the events are durably in Kafka.
 */
@ApplicationScoped
public class EngagementPublisher {

    private static final URI SOURCE = URI.create(CloudEventSources.CAPTURE);

    private final Emitter<byte[]> emitter;
    private final ObjectMapper json;
    private final Duration ackTimeout;
    private final CaptureMetrics metrics;

    public EngagementPublisher(
            // a full batch is 500 events: buffer bursts of concurrent batches rather than refuse them
            @Channel(Channels.ENGAGEMENT_OUT) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
            Emitter<byte[]> emitter,
            ObjectMapper json, CaptureConfig config, CaptureMetrics metrics) {
        this.emitter = emitter;
        this.json = json;
        this.ackTimeout = config.ackTimeout();
        this.metrics = metrics;
    }

    /**
     * Sends the events and waits for the broker's acknowledgement of all of them; fails with
     * {@link BrokerUnavailableException} when one is refused or the acknowledgement takes longer
     * than the configured ack timeout.
     */
    public Uni<Void> publish(List<? extends OutgoingEvent> events) {
        // what waits for the broker holds the count, not the events: a request's events die young
        int count = events.size();
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            // one future for the request, completed by the broker's last acknowledgement or its first refusal. The
            // MutinyEmitter's Uni per event captured and restored the request's context for each one: the largest
            // share of what a 50-event batch allocated in capture (docs/benchmarks.md, "Java 25")
            AllAcknowledged acknowledged = new AllAcknowledged(count);
            try {
                for (OutgoingEvent event : events) {
                    emitter.send(message(event, acknowledged));
                }
            } catch (RuntimeException refused) {
                // the channel's buffer is full or its producer has failed: the request fails as a refusal would
                acknowledged.nack(refused);
            }
            return backOnTheCallersContext(Uni.createFrom().completionStage(acknowledged.future()), Vertx.currentContext())
                    .ifNoItem().after(ackTimeout).fail()
                    .onItemOrFailure().invoke((acked, failure) ->
                            metrics.brokerAck(Duration.ofNanos(System.nanoTime() - start), failure == null))
                    .onFailure().transform(failure -> new BrokerUnavailableException(
                            "the broker did not acknowledge " + count + " event(s): " + failure, failure))
                    .replaceWithVoid();
        });
    }

    /**
     * The acknowledgements complete on the producer's I/O thread, which must not go on to write the HTTP answer (for
     * single events it would do little else): the request continues on the event loop it came from, one hop a request.
     */
    private static Uni<Void> backOnTheCallersContext(Uni<Void> acknowledged, Context caller) {
        return caller == null ? acknowledged : acknowledged.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /**
     * The event's record, its data already JSON: until the broker acknowledges it, a message holds a few hundred bytes
     * instead of the event's tree of maps, which every young collection under load would copy again (the value
     * serializer passes the bytes on; the JSON is what Quarkus' {@code ObjectMapperSerializer} wrote, by the same mapper).
     */
    private Message<byte[]> message(OutgoingEvent outgoing, AllAcknowledged acknowledged) {
        OutgoingEvent event = Attribution.asWritten(outgoing);
        return Message.of(json(event.data()))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.id())
                        .withType(event.ceType())
                        .withSource(SOURCE)
                        .withTimestamp(event.time().atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build())
                .withAck(acknowledged::ack)
                .withNack(acknowledged::nack);
    }

    private byte[] json(Object data) {
        try {
            return json.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
