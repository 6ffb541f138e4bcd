package io.leadflow.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A record read back from a topic, with its CloudEvents binary-mode headers.
 *
 * @param key the record key
 * @param headers every header, as UTF-8 text
 * @param value the raw value
 * @param data the value parsed as JSON, or null when it is not JSON
 */
public record ReceivedEvent(String key, Map<String, String> headers, String value, JsonNode data) {

    public String ceId() {
        return headers.get("ce_id");
    }

    public String ceType() {
        return headers.get("ce_type");
    }
}
