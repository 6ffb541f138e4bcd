package io.leadflow.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of free-form JSON objects (properties, traits): a JSON null means "not given". */
final class JsonMaps {

    private JsonMaps() {
    }

    static Map<String, Object> withoutNulls(Map<String, Object> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
