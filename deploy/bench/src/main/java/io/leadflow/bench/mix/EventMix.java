package io.leadflow.bench.mix;

import io.leadflow.events.EngagementType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * How often each engagement type occurs, in parts per thousand: a marketing funnel is mostly page
 * views and email opens, with a thin tail of the events that qualify a lead (demo requests, trials).
 */
public final class EventMix {

    /** The mix the benchmark posts, in parts per thousand. */
    public static final Map<EngagementType, Integer> REALISTIC = realisticParts();

    private final EngagementType[] types;
    private final int[] cumulative;

    public EventMix(Map<EngagementType, Integer> partsPerThousand) {
        int total = partsPerThousand.values().stream().mapToInt(Integer::intValue).sum();
        if (total != 1000) {
            throw new IllegalArgumentException("the mix must add up to 1000 parts, not " + total);
        }
        types = partsPerThousand.keySet().toArray(EngagementType[]::new);
        cumulative = new int[types.length];
        int sum = 0;
        for (int i = 0; i < types.length; i++) {
            sum += partsPerThousand.get(types[i]);
            cumulative[i] = sum;
        }
    }

    public static EventMix realistic() {
        return new EventMix(REALISTIC);
    }

    public EngagementType next(Random random) {
        int draw = random.nextInt(1000);
        for (int i = 0; i < types.length; i++) {
            if (draw < cumulative[i]) {
                return types[i];
            }
        }
        throw new IllegalStateException("unreachable: the parts add up to 1000");
    }

    private static Map<EngagementType, Integer> realisticParts() {
        Map<EngagementType, Integer> mix = new EnumMap<>(EngagementType.class);
        mix.put(EngagementType.PAGE_VIEWED, 450);
        mix.put(EngagementType.EMAIL_OPENED, 300);
        mix.put(EngagementType.EMAIL_CLICKED, 100);
        mix.put(EngagementType.CONTENT_DOWNLOADED, 50);
        mix.put(EngagementType.WEBINAR_REGISTERED, 30);
        mix.put(EngagementType.FORM_SUBMITTED, 30);
        mix.put(EngagementType.WEBINAR_ATTENDED, 20);
        mix.put(EngagementType.DEMO_REQUESTED, 10);
        mix.put(EngagementType.EMAIL_UNSUBSCRIBED, 5);
        mix.put(EngagementType.EMAIL_BOUNCED, 5);
        return Collections.unmodifiableMap(mix);
    }
}
