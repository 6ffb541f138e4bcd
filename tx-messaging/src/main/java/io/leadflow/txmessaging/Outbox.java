package io.leadflow.txmessaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records events to publish in the caller's transaction, so that they are published if and only if
 * that transaction commits (no dual write). {@link OutboxRelay} sends them afterwards. Each row keeps the
 * trace context of what caused it ({@link CauseTraces}), so the relayed record continues that trace.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "insert into outbox (event_id, topic, record_key, ce_type, payload, created_at, traceparent,"
            + " tracestate) select event_id, topic, record_key, ce_type, payload, created_at, traceparent, tracestate from "
            + JsonRecordSet.FROM + " as r (event_id text, topic text, record_key text, ce_type text, payload text,"
            + " created_at timestamptz, traceparent text, tracestate text) order by source_rows.n";

    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * An event to publish, or a tombstone ({@link #tombstone}).
     *
     * @param eventId the CloudEvent id; deterministic ids make a repeated decision a no-op downstream
     */
    public record Event(String topic, String recordKey, String eventId, String ceType, Object data) {

        /**
         * A record of the key with a null value and no CloudEvent headers: on a compacted topic the log cleaner drops
         * every earlier record of the key, then the tombstone itself once {@code delete.retention.ms} passed.
         *
         * @param eventId the outbox row's id (not sent: a tombstone is no event)
         */
        public static Event tombstone(String topic, String recordKey, String eventId) {
            return new Event(topic, recordKey, eventId, null, null);
        }

        boolean isTombstone() {
            return ceType == null;
        }
    }

    /** Adds an event to the outbox; must run inside an open transaction. */
    public Uni<Void> add(String topic, String recordKey, String eventId, String ceType, Object data) {
        return addAll(List.of(new Event(topic, recordKey, eventId, ceType, data)));
    }

    /** Adds events to the outbox in one statement, in this order; must run inside an open transaction. */
    public Uni<Void> addAll(List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> payloads;
        try {
            payloads = payloads(events);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        String now = clock.instant().toString();
        List<Map<String, Object>> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            OutboxTrace trace = OutboxTrace.of(CauseTraces.of(event.recordKey()));
            Map<String, Object> row = new HashMap<>(12);
            row.put("event_id", event.eventId());
            row.put("topic", event.topic());
            row.put("record_key", event.recordKey());
            row.put("ce_type", event.ceType());
            row.put("payload", payloads.get(i));
            row.put("created_at", now);
            row.put("traceparent", trace.traceparent());
            row.put("tracestate", trace.tracestate());
            rows.add(row);
        }
        // one set-based insert: a batch of events costs one statement, not one per row (ids come from the sequence, in
        // this order)
        String rowsJson = JsonRecordSet.of(json, rows);
        return Panache.getSession().flatMap(session -> session.createNativeMutationQuery(INSERT).setParameter(1, rowsJson).executeUpdate())
                .replaceWithVoid();
    }

    // null for a tombstone (Stream.toList keeps nulls)
    private List<String> payloads(List<Event> events) {
        return events.stream().map(event -> {
            if (event.isTombstone()) {
                return null;
            }
            try {
                return json.writeValueAsString(event.data());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot serialize " + event.ceType(), e);
            }
        }).toList();
    }
}
