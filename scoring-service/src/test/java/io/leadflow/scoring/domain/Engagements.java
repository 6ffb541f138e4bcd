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
        return at(eventId, type, NOON);
    }

    static Engagement at(String eventId, EngagementType type, Instant occurredAt) {
        return new Engagement(eventId, type, occurredAt, Map.of(), Map.of(), false);
    }

    static Engagement with(String eventId, EngagementType type, Map<String, Object> properties) {
        return new Engagement(eventId, type, NOON, properties, Map.of(), false);
    }

    static Engagement pageView(String eventId, String url) {
        return with(eventId, EngagementType.PAGE_VIEWED, Map.of("url", url));
    }

    static Engagement bot(String eventId, EngagementType type) {
        return new Engagement(eventId, type, NOON, Map.of(), Map.of(), true);
    }
}
