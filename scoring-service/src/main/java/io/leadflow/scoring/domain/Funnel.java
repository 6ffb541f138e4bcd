package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Known leads by lifecycle stage: in all, by first-touch source and by the week they were first seen
 * (cohorts), each with the share that qualified as an MQL at least once. A lead counts in the stage
 * it is in now; one recycled or disqualified after qualifying still counts as qualified.
 */
public record Funnel(Group total, List<Group> bySource, List<Group> byWeek) {

    /** Leads counted in the store: so many of one source and week are in this stage, and so many of them ever qualified. */
    public record Count(String source, LocalDate week, LifecycleStage stage, long leads, long qualified) {
    }

    /**
     * One group's counts.
     *
     * @param key the source or the week (ISO date of its Monday); null in the total
     * @param mqlRate the qualified share of the leads, in percent (null when there are none)
     */
    public record Group(String key, long leads, Map<LifecycleStage, Long> byStage, long qualified, Double mqlRate) {
    }

    /** The source of a lead that no classified engagement brought. */
    public static final String UNATTRIBUTED = "unattributed";

    public static Funnel of(List<Count> counts) {
        return new Funnel(group(null, counts),
                groups(counts, Count::source),
                groups(counts, count -> count.week().toString()));
    }

    /** Groups by key, in the keys' order (ISO dates sort by time). */
    private static List<Group> groups(List<Count> counts, Function<Count, String> key) {
        Map<String, List<Count>> grouped = new TreeMap<>();
        counts.forEach(count -> grouped.computeIfAbsent(key.apply(count), any -> new ArrayList<>()).add(count));
        return grouped.entrySet().stream().map(entry -> group(entry.getKey(), entry.getValue())).toList();
    }

    private static Group group(String key, List<Count> counts) {
        Map<LifecycleStage, Long> byStage = new EnumMap<>(LifecycleStage.class);
        long leads = 0;
        long qualified = 0;
        for (Count count : counts) {
            byStage.merge(count.stage(), count.leads(), Long::sum);
            leads += count.leads();
            qualified += count.qualified();
        }
        return new Group(key, leads, byStage, qualified, leads == 0 ? null : Math.round(1000.0 * qualified / leads) / 10.0);
    }
}
