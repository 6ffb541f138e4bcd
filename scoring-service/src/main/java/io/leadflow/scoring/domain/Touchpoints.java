package io.leadflow.scoring.domain;

import io.leadflow.events.AttributionChannel;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A lead's first-touch and last-touch source: the attribution channel capture classified on its
 * earliest and on its latest engagement ({@code properties.attributionChannel}), kept as traits so
 * that stage changes carry them to handoff's reports and the CRM. By occurrence, not arrival: a late
 * event earlier than the first touch becomes the first touch, so counting in any order, or a fresh
 * re-score, ends the same.
 */
public final class Touchpoints {

    public static final String FIRST_CHANNEL = "firstTouchChannel";
    public static final String FIRST_AT = "firstTouchAt";
    public static final String LAST_CHANNEL = "lastTouchChannel";
    public static final String LAST_AT = "lastTouchAt";

    private Touchpoints() {
    }

    /** The traits after the engagement: its channel becomes the first or the last touch where it is earlier or later. */
    public static Map<String, Object> after(Map<String, Object> traits, Engagement engagement) {
        Optional<AttributionChannel> channel = engagement.property(AttributionChannel.PROPERTY)
                .flatMap(AttributionChannel::fromWireName);
        if (channel.isEmpty() || engagement.bot()) {
            return traits;
        }
        Map<String, Object> touched = new LinkedHashMap<>(traits);
        Instant at = engagement.occurredAt();
        // a tie keeps the touch already known, as a re-score in arrival order does
        if (instant(traits.get(FIRST_AT)).map(at::isBefore).orElse(true)) {
            touched.put(FIRST_CHANNEL, channel.get().wireName());
            touched.put(FIRST_AT, at.toString());
        }
        if (instant(traits.get(LAST_AT)).map(at::isAfter).orElse(true)) {
            touched.put(LAST_CHANNEL, channel.get().wireName());
            touched.put(LAST_AT, at.toString());
        }
        return touched;
    }

    private static Optional<Instant> instant(Object value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Instant.parse(value.toString()));
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }
}
