package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How leads flow up the main path, from their recorded stage changes: the conversion from each stage from MQL on to the
 * next (of the leads that reached one, the share that reached the next) and the median time spent in a stage before
 * moving up to the next. A lead counts once in a conversion however often it went round (a recycled lead that
 * qualified twice), but each of its passes is a time in stage. A lead that reached a stage reached those below it too
 * (sales may qualify an MQL straight to SQL).
 */
public final class StageFlow {

    private static final List<LifecycleStage> PATH = List.of(LifecycleStage.LEAD, LifecycleStage.MQL, LifecycleStage.SAL,
            LifecycleStage.SQL, LifecycleStage.OPPORTUNITY, LifecycleStage.CUSTOMER);

    /** One lead's recorded changes, in the order they happened, and when it was first seen. */
    public record Journey(Instant firstSeen, List<StageHistory.Change> changes) {
    }

    /**
     * @param reached the leads that reached {@code from}
     * @param converted how many of them reached {@code to}
     * @param rate the converted share, in percent (null when none reached {@code from})
     */
    public record Conversion(LifecycleStage from, LifecycleStage to, long reached, long converted, Double rate) {
    }

    /**
     * @param moves how many times a lead moved from {@code stage} to {@code next} with a known time in {@code stage}
     * @param medianSeconds the median of those times (null when there are none)
     */
    public record StageTime(LifecycleStage stage, LifecycleStage next, long moves, Long medianSeconds) {
    }

    private StageFlow() {
    }

    /** The conversions MQL to SAL, SAL to SQL, SQL to OPPORTUNITY and OPPORTUNITY to CUSTOMER. */
    public static List<Conversion> conversions(Collection<Journey> journeys) {
        List<Integer> highest = journeys.stream().map(StageFlow::highestStep).toList();
        List<Conversion> conversions = new ArrayList<>();
        for (int step = PATH.indexOf(LifecycleStage.MQL); step + 1 < PATH.size(); step++) {
            int from = step;
            long reached = highest.stream().filter(reachedStep -> reachedStep >= from).count();
            long converted = highest.stream().filter(reachedStep -> reachedStep > from).count();
            conversions.add(new Conversion(PATH.get(step), PATH.get(step + 1), reached, converted, percent(converted, reached)));
        }
        return conversions;
    }

    /** The median time in LEAD before MQL, MQL before SAL, and so on up to OPPORTUNITY before CUSTOMER. */
    public static List<StageTime> timesInStage(Collection<Journey> journeys) {
        List<StageHistory.Step> steps = journeys.stream()
                .flatMap(journey -> StageHistory.of(journey.firstSeen(), journey.changes()).stream())
                .filter(step -> step.inPrevious() != null)
                .toList();
        List<StageTime> times = new ArrayList<>();
        for (int step = 0; step + 1 < PATH.size(); step++) {
            LifecycleStage stage = PATH.get(step);
            LifecycleStage next = PATH.get(step + 1);
            long[] seconds = steps.stream()
                    .filter(moved -> moved.change().from() == stage && moved.change().to() == next)
                    .mapToLong(moved -> moved.inPrevious().toSeconds())
                    .sorted()
                    .toArray();
            times.add(new StageTime(stage, next, seconds.length, median(seconds)));
        }
        return times;
    }

    // the index on PATH of the highest main-path stage the lead was in (-1 when none)
    private static int highestStep(Journey journey) {
        return journey.changes().stream()
                .flatMap(change -> Stream.of(change.from(), change.to()))
                .filter(Objects::nonNull)
                .mapToInt(PATH::indexOf)
                .max()
                .orElse(-1);
    }

    private static Long median(long[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2.0);
    }

    /** {@code part} of {@code whole} in percent, to one decimal; null when {@code whole} is zero. */
    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }
}
