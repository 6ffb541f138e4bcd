package io.leadflow.capture.rest;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.OutgoingEvent;
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

/** Publishes a request's events and answers only once the broker acknowledged them all: else 503. */
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

    /** {@code acknowledged} once every event is durably in Kafka, a 503 problem otherwise. */
    Uni<Response> publish(List<? extends OutgoingEvent> events, Source source, Supplier<Response> acknowledged) {
        return publisher.publish(events)
                .map(done -> {
                    metrics.accepted(source, events.size());
                    return acknowledged.get();
                })
                .onFailure(BrokerUnavailableException.class).recoverWithItem(failure -> {
                    LOG.warn(failure.getMessage());
                    metrics.rejected(Rejection.BROKER_UNAVAILABLE, events.size());
                    return Problems.unavailable(retryAfter);
                });
    }
}
