package io.leadflow.txmessaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context an outbox row keeps ({@code traceparent}, {@code tracestate}; both null when no trace is
 * being recorded), so that the relayed record continues the trace of what decided it.
 */
record OutboxTrace(String traceparent, String tracestate) {

    static final OutboxTrace NONE = new OutboxTrace(null, null);

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<OutboxTrace> COLUMNS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(OutboxTrace trace) {
            return W3C.fields();
        }

        @Override
        public String get(OutboxTrace trace, String key) {
            return trace == null ? null : switch (key) {
                case "traceparent" -> trace.traceparent;
                case "tracestate" -> trace.tracestate;
                default -> null;
            };
        }
    };

    /** The trace context of {@code context}'s span; {@link #NONE} when it has no valid span. */
    static OutboxTrace of(Context context) {
        Map<String, String> headers = new HashMap<>(2);
        W3C.inject(context, headers, Map::put);
        return headers.isEmpty() ? NONE : new OutboxTrace(headers.get("traceparent"), headers.get("tracestate"));
    }

    /** The context to continue: the remote span the row names, or the root context for none. */
    Context context() {
        return traceparent == null ? Context.root() : W3C.extract(Context.root(), this, COLUMNS);
    }
}
