package io.leadflow.capture.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Segment message's {@code context} adds to the event's properties: the page it was sent
 * from and the campaign (as {@code utm_*}), unless the properties already say.
 */
final class SegmentContext {

    private static final Map<String, String> CAMPAIGN_TO_UTM = Map.of(
            "name", "utm_campaign", "source", "utm_source", "medium", "utm_medium", "term", "utm_term", "content", "utm_content");
    private static final String[] PAGE_FIELDS = {"url", "path", "referrer", "title"};

    private SegmentContext() {
    }

    /**
     * @param properties the message's properties
     * @param name the page name of a page message, or null
     * @param context the message's context
     */
    static Map<String, Object> properties(Map<String, Object> properties, String name, Map<String, Object> context) {
        Map<String, Object> merged = new LinkedHashMap<>(properties);
        if (name != null && !name.isBlank()) {
            merged.putIfAbsent("name", name);
        }
        Map<String, Object> page = JsonFields.objectIn(context, "page");
        for (String field : PAGE_FIELDS) {
            if (page.get(field) != null) {
                merged.putIfAbsent(field, page.get(field));
            }
        }
        JsonFields.objectIn(context, "campaign").forEach((field, value) -> {
            String utm = CAMPAIGN_TO_UTM.get(field);
            if (utm != null) {
                merged.putIfAbsent(utm, value);
            }
        });
        return merged;
    }
}
