package io.leadflow.handoff.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.StorableText;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly: an unknown or mistyped field is a 400 naming it by its JSON path
 * ({@code rules[0].sla.responseTime}), instead of being dropped or failing without a field; so is text that
 * PostgreSQL could not store ({@link StorableText}), instead of a 500 from the transaction that stores it.
 */
@ApplicationScoped
public class StrictJson {

    private final ObjectMapper json;

    public StrictJson(ObjectMapper json) {
        this.json = json;
    }

    /** {@code body} as a {@code type}; {@code what} names the body in the error when it is missing. */
    public <T> T read(String body, Class<T> type, String what) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("body", "is required: " + what);
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body", "is not JSON: " + e.getOriginalMessage());
        }
        StorableText.flaw("", tree).ifPresent(flaw -> {
            throw new InvalidRequestException(flaw.field(), flaw.problem());
        });
        try {
            return json.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(tree);
        } catch (JsonMappingException e) {
            throw new InvalidRequestException(path(e), "is not valid here: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRequestException("body", "is not JSON: " + e.getMessage());
        }
    }

    /** The JSON path of a mapping failure, as {@code rules[0].sla.responseTime}. */
    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "body" : path.substring(path.startsWith(".") ? 1 : 0);
    }
}
