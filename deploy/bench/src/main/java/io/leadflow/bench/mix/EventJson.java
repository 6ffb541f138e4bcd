package io.leadflow.bench.mix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.LeadKeys;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The wire forms of a {@link BenchEvent}: the capture API's JSON, and the record capture writes. */
public final class EventJson {

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventJson() {
    }

    /** The body of {@code POST /v1/events} with one event. */
    public static String single(BenchEvent event) {
        return write(apiShape(event));
    }

    /** The body of {@code POST /v1/events} with a batch. */
    public static String batch(List<BenchEvent> events) {
        return write(Map.of("events", events.stream().map(EventJson::apiShape).toList()));
    }

    /** The {@code engagement.captured.v1} data capture-service would write for this event. */
    public static String captured(BenchEvent event, Instant occurredAt) {
        return write(new EngagementCaptured(LeadKeys.of(event.email(), null), event.type(), event.email(), null,
                occurredAt, "api", event.properties(), event.traits(), false, null));
    }

    private static Map<String, Object> apiShape(BenchEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", event.eventId());
        json.put("type", event.type().wireName());
        json.put("email", event.email());
        json.put("properties", event.properties());
        json.put("traits", event.traits());
        return json;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
