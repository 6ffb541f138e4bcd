package io.leadflow.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TracingTest {

    private static final TextMapSetter<Map<String, String>> HEADERS = (headers, name, value) -> headers.put(name, value);

    @Test
    void withoutACollectorOrAnExporterTracingIsOffAndAddsNoHeaders() {
        // Given no OTEL_EXPORTER_OTLP_ENDPOINT and no exporter bean
        OpenTelemetry off = Tracing.build("scoring-service", Optional.empty(), 1.0, List.of());

        // When a span is made current and its context written into a record's headers
        Map<String, String> headers = new HashMap<>();
        Span span = off.getTracer("test").spanBuilder("leadflow.engagement.v1 receive").startSpan();
        off.getPropagators().getTextMapPropagator().inject(Context.current().with(span), headers, HEADERS);
        span.end();

        // Then nothing is recorded and no header is written
        assertThat(span.getSpanContext().isValid()).isFalse();
        assertThat(headers).isEmpty();
    }

    @Test
    void anExporterTurnsItOnWithTheServiceNameAndW3cTraceparentHeaders() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetry on = Tracing.build("handoff-service", Optional.empty(), 1.0, List.of(spans));

        Map<String, String> headers = new HashMap<>();
        Span span = on.getTracer("test").spanBuilder("leadflow.handoffs.v1 publish").startSpan();
        on.getPropagators().getTextMapPropagator().inject(Context.current().with(span), headers, HEADERS);
        span.end();

        assertThat(headers).containsOnlyKeys("traceparent");
        SpanContext context = span.getSpanContext();
        assertThat(context.isSampled()).isTrue();
        assertThat(headers.get("traceparent"))
                .isEqualTo("00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex());
        assertThat(spans.getFinishedSpanItems()).singleElement().satisfies(finished -> {
            assertThat(finished.getName()).isEqualTo("leadflow.handoffs.v1 publish");
            assertThat(finished.getResource().getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("handoff-service");
        });
        ((OpenTelemetrySdk) on).close();
    }

    @Test
    void theSampledShareDecidesWhereATraceStartsAndLaterSpansFollowTheirParent() {
        // Given a service that records no new trace of its own
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetry none = Tracing.build("scoring-service", Optional.empty(), 0.0, List.of(spans));

        // When it starts a trace, and when it continues one that capture sampled
        none.getTracer("test").spanBuilder("new trace").startSpan().end();
        SpanContext sampledUpstream = SpanContext.createFromRemoteParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault());
        none.getTracer("test").spanBuilder("continued").setParent(Context.root().with(Span.wrap(sampledUpstream))).startSpan().end();

        // Then only the continued trace is recorded
        assertThat(spans.getFinishedSpanItems()).extracting(finished -> finished.getName()).containsExactly("continued");
        ((OpenTelemetrySdk) none).close();
    }
}
