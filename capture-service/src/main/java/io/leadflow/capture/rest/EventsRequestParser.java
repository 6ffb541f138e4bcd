package io.leadflow.capture.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.domain.RawEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code POST /v1/events} body: one event object, or {@code {"events": [...]}}. It streams
 * the JSON so that it knows how many bytes each event of a batch took, for the per-event limit.
 */
@ApplicationScoped
class EventsRequestParser {

    private static final String BATCH_FIELD = "events";

    private final ObjectMapper json;

    EventsRequestParser(ObjectMapper json) {
        this.json = json;
    }

    /** The request's events, each with its place in the request and its size. */
    List<RawEvent> parse(byte[] body) throws MalformedRequestException {
        if (body == null || body.length == 0) {
            throw new MalformedRequestException("body", "must be an event object or {\"events\": [...]}, it is empty");
        }
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedRequestException("body", "must be an event object or {\"events\": [...]}");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            List<RawEvent> batch = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (BATCH_FIELD.equals(name) && value == JsonToken.START_ARRAY) {
                    batch = readBatch(parser);
                } else if (BATCH_FIELD.equals(name)) {
                    throw new MalformedRequestException(BATCH_FIELD, "must be an array of events");
                } else {
                    fields.put(name, json.readValue(parser, Object.class));
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedRequestException("body", "holds more than one JSON value");
            }
            return batch != null ? batch : List.of(new RawEvent("", fields, body.length));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new MalformedRequestException("body", "is not valid JSON: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new MalformedRequestException("body", "could not be read: " + e.getMessage());
        }
    }

    private List<RawEvent> readBatch(JsonParser parser) throws IOException {
        List<RawEvent> events = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            long start = parser.currentTokenLocation().getByteOffset();
            Object event = json.readValue(parser, Object.class);
            long end = parser.currentLocation().getByteOffset();
            events.add(new RawEvent("events[" + events.size() + "]", event, (int) (end - start)));
        }
        return events;
    }
}
