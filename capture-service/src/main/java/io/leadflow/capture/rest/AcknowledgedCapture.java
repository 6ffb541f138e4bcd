package io.leadflow.capture.rest;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.OutgoingEvent;
import io.leadflow.capture.domain.StorableEvents;
import io.leadflow.capture.messaging.BrokerUnavailableException;
import io.leadflow.capture.messaging.CaptureMetrics;
import io.leadflow.capture.messaging.CaptureMetrics.Rejection;
import io.leadflow.capture.messaging.CaptureMetrics.Source;
import io.leadflow.capture.messaging.EngagementPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Publishes a request's events and answers only once the broker acknowledged them all: else 503. Every capture path
 * ends here, so this is where an event holding text that cannot be stored is refused (400), whichever API mapped it.
 */
@ApplicationScoped
class AcknowledgedCapture {

    private static final Logger LOG = Logger.getLogger(AcknowledgedCapture.class);

    private final EngagementPublisher publisher;
    private final CaptureMetrics metrics;
    private final Duration retryAfter;

    AcknowledgedCapture(EngagementPublisher publisher, CaptureMetrics metrics, CaptureConfig config) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.retryAfter = config.retryAfter();
    }

    /** {@code acknowledged} once every event is durably in Kafka; a 400 problem for unstorable text, a 503 one when the broker is down. */
    Uni<Response> publish(List<? extends OutgoingEvent> events, Source source, Supplier<Response> acknowledged) {
        List<FieldError> unstorable = StorableEvents.errors(events);
        if (!unstorable.isEmpty()) {
            metrics.rejected(Rejection.INVALID, events.size());
            return Uni.createFrom().item(Problems.invalid(unstorable));
        }
        // what waits for the broker holds the count, not the events: a request's events die young
        int count = events.size();
        return publisher.publish(events)
                .map(done -> {
                    metrics.accepted(source, count);
                    return acknowledged.get();
                })
                .onFailure(BrokerUnavailableException.class).recoverWithItem(failure -> {
                    LOG.warn(failure.getMessage());
                    metrics.rejected(Rejection.BROKER_UNAVAILABLE, count);
                    return Problems.unavailable(retryAfter);
                });
    }
}
