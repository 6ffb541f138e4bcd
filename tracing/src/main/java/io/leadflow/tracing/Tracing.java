package io.leadflow.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's OpenTelemetry: the Kafka connector traces every record sent and consumed with it, carrying the
 * W3C trace context in the records' headers, and tx-messaging's outbox keeps it across the relay.
 * Off (a no-op, no headers) unless {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a collector, which then receives
 * the spans over OTLP/HTTP; span exporters given as CDI beans (the tests' in-memory one) also turn it on.
 * {@code OTEL_TRACES_SAMPLER_ARG} is the share of new traces recorded (default all). The keys are OpenTelemetry's
 * own environment variables, read through MicroProfile Config.
 */
@Singleton
public class Tracing {

    private static final Logger LOG = Logger.getLogger(Tracing.class);
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    @Produces
    @Singleton
    OpenTelemetry openTelemetry(@ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "otel.exporter.otlp.endpoint") Optional<String> collector,
            @ConfigProperty(name = "otel.traces.sampler.arg", defaultValue = "1.0") double sampledShare,
            @Any Instance<SpanExporter> exporters) {
        return build(service, collector, sampledShare, exporters.stream().toList());
    }

    /** The OpenTelemetry of {@code service}: a no-op without a collector and without exporters. */
    static OpenTelemetry build(String service, Optional<String> collector, double sampledShare, List<SpanExporter> exporters) {
        if (collector.isEmpty() && exporters.isEmpty()) {
            return OpenTelemetry.noop();
        }
        SdkTracerProviderBuilder tracing = SdkTracerProvider.builder()
                // a trace is sampled where it starts (capture); every later span follows that decision
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(sampledShare)))
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, service))));
        collector.ifPresent(base -> {
            LOG.infof("exporting traces to %s over OTLP/HTTP", base);
            tracing.addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
                    .setEndpoint(base.replaceAll("/+$", "") + "/v1/traces").build()).build());
        });
        exporters.forEach(exporter -> tracing.addSpanProcessor(SimpleSpanProcessor.create(exporter)));
        return OpenTelemetrySdk.builder()
                .setTracerProvider(tracing.build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    // sends the spans still buffered before the service stops
    void close(@Disposes OpenTelemetry openTelemetry) {
        if (openTelemetry instanceof OpenTelemetrySdk sdk) {
            sdk.close();
        }
    }
}
