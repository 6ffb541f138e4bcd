package io.leadflow.scoring.domain;

import io.leadflow.events.EngagementType;
import java.time.Instant;
import java.util.Map;

/** Engagements for the domain tests. */
final class Engagements {

    static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");

    private Engagements() {
    }

    static Engagement of(String eventId, EngagementType type) {
        return new Engagement(eventId, type, NOON, Map.of(), Map.of());
    }

    static Engagement pageView(String eventId, String url) {
        return new Engagement(eventId, EngagementType.PAGE_VIEWED, NOON, Map.of("url", url), Map.of());
    }
}
