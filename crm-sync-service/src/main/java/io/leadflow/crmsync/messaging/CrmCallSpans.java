package io.leadflow.crmsync.messaging;

import io.leadflow.crmsync.domain.ConsumedHandoff;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.txmessaging.CauseTraces;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A client span for each CRM call, in the trace of the handoff it carries: the trace that started when the lead's
 * engagement was captured. A call carrying several handoffs (a CRM's batch API) can have one parent only: it is
 * the first handoff's, and the others' traces are linked, so each handoff's trace still leads to its call.
 */
@ApplicationScoped
public class CrmCallSpans {

    private static final AttributeKey<String> CRM = AttributeKey.stringKey("leadflow.crm.target");
    private static final AttributeKey<Long> HANDOFFS = AttributeKey.longKey("leadflow.crm.handoffs");

    private final Tracer tracer;

    public CrmCallSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.leadflow.crm-sync");
    }

    /** Runs the call for {@code chunk} inside a span named {@code crm.upsert <target>}, which ends when the call does. */
    <T> Uni<T> upsert(CrmTarget target, List<ConsumedHandoff> chunk, Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            Span span = spanFor(target, chunk);
            return call.get().onItemOrFailure().invoke((answer, failure) -> {
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR, failure.getMessage() == null ? failure.toString() : failure.getMessage());
                }
                span.end();
            }).onCancellation().invoke(span::end);
        });
    }

    private Span spanFor(CrmTarget target, List<ConsumedHandoff> chunk) {
        Set<SpanContext> causes = new LinkedHashSet<>();
        for (ConsumedHandoff handoff : chunk) {
            causes.add(Span.fromContext(CauseTraces.of(handoff.lead().leadKey())).getSpanContext());
        }
        SpanBuilder span = tracer.spanBuilder("crm.upsert " + target.wireName())
                .setSpanKind(SpanKind.CLIENT)
                .setParent(CauseTraces.of(chunk.get(0).lead().leadKey()))
                .setAttribute(CRM, target.wireName())
                .setAttribute(HANDOFFS, (long) chunk.size());
        causes.stream().skip(1).filter(SpanContext::isValid).forEach(span::addLink);
        return span.startSpan();
    }
}
