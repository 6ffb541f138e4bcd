package io.leadflow.capture.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.domain.RawEvent;
import io.leadflow.capture.domain.SegmentMapper.MessageType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a capture body: one event object, or a batch ({@code {"events": [...]}} natively,
 * {@code {"batch": [...]}} in Segment's API). It streams the JSON so that it knows how many bytes
 * each event of a batch took, for the per-event limit.
 */
@ApplicationScoped
class EventsRequestParser {

    static final String NATIVE_BATCH = "events";
    static final String SEGMENT_BATCH = "batch";
    static final String WRITE_KEY = "writeKey";

    private final ObjectMapper json;

    EventsRequestParser(ObjectMapper json) {
        this.json = json;
    }

    /** A native request's events, each with its place in the request and its size. */
    ParsedRequest parse(byte[] body) throws MalformedRequestException {
        return parse(body, NATIVE_BATCH);
    }

    /**
     * A Segment request's messages: one message where the endpoint implies its type
     * ({@code /v1/track}), a batch where it does not ({@code /v1/batch}).
     */
    ParsedRequest parseSegment(byte[] body, Optional<MessageType> implied) throws MalformedRequestException {
        ParsedRequest parsed = parse(body, SEGMENT_BATCH);
        if (parsed.batch() == implied.isPresent()) {
            throw new MalformedRequestException(implied.isPresent() ? "body" : SEGMENT_BATCH, implied.isPresent()
                    ? "must be one message; send batches to /v1/batch" : "must be an array of messages");
        }
        return parsed;
    }

    /**
     * The request's events, each with its place in the request and its size, and the write key
     * it carries in its body.
     *
     * @param batchField the field holding a batch's array of events
     */
    private ParsedRequest parse(byte[] body, String batchField) throws MalformedRequestException {
        String shape = "must be an event object or {\"" + batchField + "\": [...]}";
        if (body == null || body.length == 0) {
            throw new MalformedRequestException("body", shape + ", it is empty");
        }
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedRequestException("body", shape);
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            List<RawEvent> batch = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (batchField.equals(name) && value == JsonToken.START_ARRAY) {
                    batch = readBatch(parser, batchField);
                } else if (batchField.equals(name)) {
                    throw new MalformedRequestException(batchField, "must be an array of events");
                } else {
                    fields.put(name, json.readValue(parser, Object.class));
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedRequestException("body", "holds more than one JSON value");
            }
            Optional<String> writeKey = fields.get(WRITE_KEY) instanceof String key ? Optional.of(key) : Optional.empty();
            return batch != null
                    ? new ParsedRequest(batch, true, writeKey)
                    : new ParsedRequest(List.of(new RawEvent("", fields, body.length)), false, writeKey);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new MalformedRequestException("body", "is not valid JSON: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new MalformedRequestException("body", "could not be read: " + e.getMessage());
        }
    }

    private List<RawEvent> readBatch(JsonParser parser, String batchField) throws IOException {
        List<RawEvent> events = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            long start = parser.currentTokenLocation().getByteOffset();
            Object event = json.readValue(parser, Object.class);
            long end = parser.currentLocation().getByteOffset();
            events.add(new RawEvent(batchField + "[" + events.size() + "]", event, (int) (end - start)));
        }
        return events;
    }
}
