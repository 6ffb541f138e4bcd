package io.leadflow.testsupport;

import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tracing on, into memory: an exporter bean the service's OpenTelemetry (tracing's {@code Tracing}) sends its spans
 * to. An alternative, so only the tests of the {@link Profile} (a Quarkus of their own) record spans; the others
 * run with tracing off, as a service without a collector does.
 */
@Alternative
@Singleton
public class InMemorySpans {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return exporter;
    }

    /** The first span ended so far that {@code which} accepts, waiting up to {@code timeout} for one. */
    public static SpanData awaitSpan(InMemorySpanExporter spans, Predicate<SpanData> which, Duration timeout) {
        return await().atMost(timeout).until(() -> spans.getFinishedSpanItems().stream().filter(which).findFirst().orElse(null),
                found -> found != null);
    }

    /** The test profile that records spans. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(InMemorySpans.class);
        }
    }
}
