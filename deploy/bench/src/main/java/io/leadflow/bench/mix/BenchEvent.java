package io.leadflow.bench.mix;

import io.leadflow.events.EngagementType;
import java.util.Map;

/** One engagement to post or to write, in the shape of the native capture API. */
public record BenchEvent(String eventId, EngagementType type, String email,
        Map<String, Object> properties, Map<String, Object> traits) {
}
