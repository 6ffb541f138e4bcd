package io.leadflow.bench.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.leadflow.events.EngagementType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventMixTest {

    @Test
    void drawsEachTypeInItsProportion() {
        // Given the realistic mix
        EventMix mix = EventMix.realistic();
        Random random = new Random(7);
        Map<EngagementType, Integer> counts = new EnumMap<>(EngagementType.class);

        // When 100,000 types are drawn
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(mix.next(random), 1, Integer::sum);
        }

        // Then each type's share is its parts per thousand, within half a percentage point
        EventMix.REALISTIC.forEach((type, parts) ->
                assertThat(counts.getOrDefault(type, 0) / (double) draws).as(type.wireName()).isCloseTo(parts / 1000.0, within(0.005)));
    }

    @Test
    void isMostlyPageViewsAndEmailOpensWithFewDemoRequests() {
        Map<EngagementType, Integer> parts = EventMix.REALISTIC;

        assertThat(parts.get(EngagementType.PAGE_VIEWED) + parts.get(EngagementType.EMAIL_OPENED)).isGreaterThanOrEqualTo(700);
        assertThat(parts.get(EngagementType.DEMO_REQUESTED)).isLessThanOrEqualTo(20);
    }

    @Test
    void refusesAMixThatDoesNotAddUpToAThousand() {
        assertThatThrownBy(() -> new EventMix(Map.of(EngagementType.PAGE_VIEWED, 999)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("999");
    }
}
