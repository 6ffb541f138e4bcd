package io.leadflow.txmessaging;

import io.opentelemetry.context.Context;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Which trace an outbox row continues: that of the consumed record which caused it. The Kafka connector gives
 * every consumed record, one at a time or in a polled batch, a consumer span that continues its producer's trace
 * (from the record's {@code traceparent} header); this remembers those spans in the Vert.x duplicated context the
 * record is handled on, where Hibernate Reactive also keeps the transaction that writes the outbox rows.
 *
 * <p>In a batch the rows of a lead continue the trace of the batch's last record with the row's key: every record
 * is keyed by its lead (DESIGN.md), so that is the record whose processing decided them. A row with no cause
 * (written by an HTTP request, or keyed otherwise) continues the current context, if any.
 */
public final class CauseTraces {

    private static final String LOCAL = CauseTraces.class.getName();

    private CauseTraces() {
    }

    /** The record being handled on this context causes the rows written while it is handled. */
    public static void remember(Message<?> record) {
        put(new Causes(spanOf(record), Map.of()));
    }

    /** The batch being handled on this context causes the rows written while it is handled, each by its lead key. */
    public static void remember(KafkaRecordBatch<?, ?> batch) {
        Map<String, Context> byKey = new HashMap<>();
        for (KafkaRecord<?, ?> record : batch.getRecords()) {
            if (record.getKey() != null) {
                byKey.put(record.getKey().toString(), spanOf(record));
            }
        }
        put(new Causes(Context.current(), byKey));
    }

    /** The trace context that what is decided for {@code recordKey} (an outbox row, a CRM call) continues. */
    public static Context of(String recordKey) {
        Optional<Causes> causes = VertxContext.isOnDuplicatedContext() ? ContextLocals.get(LOCAL) : Optional.empty();
        return causes.map(known -> known.byKey().getOrDefault(recordKey, known.record())).orElseGet(Context::current);
    }

    private static Context spanOf(Message<?> record) {
        return TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext).orElseGet(Context::current);
    }

    // outside a duplicated context (no record is being handled there) nothing is remembered
    private static void put(Causes causes) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(LOCAL, causes);
        }
    }

    private record Causes(Context record, Map<String, Context> byKey) {
    }
}
