package io.leadflow.capture.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The capture meters: events accepted (by source), events rejected (by reason) and the time the
 * broker took to acknowledge a request's events (by outcome). All are registered up front, so
 * dashboards see zeros rather than gaps.
 */
@ApplicationScoped
public class CaptureMetrics {

    /** Where accepted events came from: the source tag of {@code leadflow.capture.events.accepted}. */
    public enum Source {
        API, FORM, SEGMENT, EMAIL,
        /** A vendor's webhook: Mailchimp, Mandrill, Facebook Lead Ads. */
        CONNECTOR
    }

    /** Why events were refused: the reason tag of {@code leadflow.capture.events.rejected}. */
    public enum Rejection {
        INVALID, MALFORMED, TOO_LARGE, UNKNOWN_FORM, UNAUTHORIZED, FORBIDDEN, RATE_LIMITED, BROKER_UNAVAILABLE,
        /** A form post that filled in the form's honeypot field: a bot, answered as if captured. */
        HONEYPOT
    }

    private final Map<Source, Counter> accepted = new EnumMap<>(Source.class);
    private final Map<Rejection, Counter> rejected = new EnumMap<>(Rejection.class);
    private final Timer acked;
    private final Timer failed;

    public CaptureMetrics(MeterRegistry registry) {
        for (Source source : Source.values()) {
            accepted.put(source, Counter.builder("leadflow.capture.events.accepted")
                    .description("Events the broker acknowledged, by where they were captured")
                    .tag("source", tag(source))
                    .register(registry));
        }
        for (Rejection reason : Rejection.values()) {
            rejected.put(reason, Counter.builder("leadflow.capture.events.rejected")
                    .description("Events refused, by reason; an unreadable request counts as one")
                    .tag("reason", tag(reason))
                    .register(registry));
        }
        acked = ackTimer(registry, "acked");
        failed = ackTimer(registry, "failed");
    }

    /** Counts events the broker acknowledged. */
    public void accepted(Source source, int events) {
        accepted.get(source).increment(events);
    }

    /** Counts events refused; a request whose events could not be read counts as one. */
    public void rejected(Rejection reason, int events) {
        rejected.get(reason).increment(events);
    }

    /** Records how long a request waited for the broker to acknowledge (or refuse) its events. */
    public void brokerAck(Duration waited, boolean acknowledged) {
        (acknowledged ? acked : failed).record(waited);
    }

    private static Timer ackTimer(MeterRegistry registry, String outcome) {
        return Timer.builder("leadflow.capture.broker.ack")
                .description("Time from handing a request's events to the producer until the broker acknowledged all")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
