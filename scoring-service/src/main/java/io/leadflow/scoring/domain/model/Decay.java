package io.leadflow.scoring.domain.model;

import io.leadflow.events.EngagementType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How engagement points fade: an entry keeps half its points after each half-life of its
 * engagement type. A type without one uses {@code defaultHalfLife}; without that either, it does
 * not fade.
 *
 * @param halfLives half-life per engagement type wire name ({@code page.viewed}), ISO-8601 ({@code P30D})
 * @param defaultHalfLife the half-life of the types not listed, or null for no decay
 */
public record Decay(Map<String, Duration> halfLives, Duration defaultHalfLife) {

    public Decay {
        halfLives = halfLives == null ? Map.of() : Map.copyOf(halfLives);
    }

    /** The half-life of this type's points, empty when they never fade. */
    public Optional<Duration> halfLifeOf(EngagementType type) {
        return Optional.ofNullable(halfLives.getOrDefault(type.wireName(), defaultHalfLife));
    }
}
