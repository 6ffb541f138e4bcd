package io.leadflow.scoring.domain.calibration;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A window's outcomes split by time: the fit learns from the earlier part and is tested on the later, as it would be
 * used (on leads it has not seen). Without a given moment, the test part is the latest {@value #TEST_SHARE} of the
 * outcomes (with every outcome of the moment it starts at).
 *
 * @param train the outcomes before {@code testFrom}, in time order
 * @param test the outcomes from {@code testFrom} on, in time order
 * @param testFrom where the test part starts, or null when there were no outcomes
 */
public record OutcomeSplit(List<Outcome> train, List<Outcome> test, Instant testFrom) {

    public static final double TEST_SHARE = 0.3;

    private static final Comparator<Outcome> TIME_ORDER = Comparator.comparing(Outcome::at).thenComparing(Outcome::leadId);

    public OutcomeSplit {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /** @param testFrom where the test part starts, or null: where the latest share of the outcomes starts */
    public static OutcomeSplit of(List<Outcome> outcomes, Instant testFrom) {
        List<Outcome> ordered = outcomes.stream().sorted(TIME_ORDER).toList();
        Instant from = testFrom != null || ordered.isEmpty() ? testFrom
                : ordered.get(Math.min(ordered.size() - 1, (int) Math.floor(ordered.size() * (1 - TEST_SHARE)))).at();
        if (from == null) {
            return new OutcomeSplit(List.of(), List.of(), null);
        }
        return new OutcomeSplit(ordered.stream().filter(outcome -> outcome.at().isBefore(from)).toList(),
                ordered.stream().filter(outcome -> !outcome.at().isBefore(from)).toList(), from);
    }

    public OutcomeCounts counts() {
        return new OutcomeCounts(converted(train), train.size() - converted(train), converted(test), test.size() - converted(test));
    }

    private static int converted(List<Outcome> outcomes) {
        return (int) outcomes.stream().filter(Outcome::converted).count();
    }
}
