package io.leadflow.scoring.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** A lead's profile traits (company, job title, ...), as the events tell them. */
public final class LeadTraits {

    private LeadTraits() {
    }

    /** The traits after an event: what the event says wins over what was known; absent traits are kept. */
    public static Map<String, Object> merge(Map<String, Object> known, Map<String, Object> told) {
        Map<String, Object> merged = new LinkedHashMap<>(known);
        told.forEach((name, value) -> {
            if (value != null) {
                merged.put(name, value);
            }
        });
        return merged;
    }
}
