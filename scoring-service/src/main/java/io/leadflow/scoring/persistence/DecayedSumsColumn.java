package io.leadflow.scoring.persistence;

import io.leadflow.scoring.domain.DecayedTotal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link DecayedTotal} as the lead's {@code decayed_sums} JSON: {"lasting": 12.0, "P30D": 3.5, ...}; its moment is scored_as_of. */
final class DecayedSumsColumn {

    private static final String LASTING = "lasting";

    private DecayedSumsColumn() {
    }

    static Map<String, Object> of(DecayedTotal total) {
        if (total == null) {
            return null;
        }
        Map<String, Object> column = new LinkedHashMap<>();
        column.put(LASTING, total.lasting());
        total.fading().forEach((halfLife, sum) -> column.put(halfLife.toString(), sum));
        return column;
    }

    static DecayedTotal read(Map<String, Object> column, Instant asOf) {
        if (column == null || asOf == null) {
            return null;
        }
        double lasting = 0;
        Map<Duration, Double> fading = new HashMap<>();
        for (Map.Entry<String, Object> sum : column.entrySet()) {
            double value = ((Number) sum.getValue()).doubleValue();
            if (sum.getKey().equals(LASTING)) {
                lasting = value;
            } else {
                fading.put(Duration.parse(sum.getKey()), value);
            }
        }
        return new DecayedTotal(asOf, lasting, fading);
    }
}
