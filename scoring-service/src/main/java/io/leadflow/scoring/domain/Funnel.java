package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Known leads by lifecycle stage: in all, by first-touch source and by the week they were first seen
 * (cohorts), each with the share that qualified as an MQL at least once, and how they flowed up the main path from
 * their recorded stage changes ({@link StageFlow}: conversion from stage to stage, median time in stage). A lead
 * counts in the stage it is in now; one recycled or disqualified after qualifying still counts as qualified.
 */
public record Funnel(Group total, List<Group> bySource, List<Group> byWeek) {

    /** Leads counted in the store: so many of one source and week are in this stage, and so many of them ever qualified. */
    public record Count(String source, LocalDate week, LifecycleStage stage, long leads, long qualified) {
    }

    /** A recorded stage change of a lead of the funnel, first seen in {@code week} and brought by {@code source}. */
    public record Change(String source, LocalDate week, UUID leadId, Instant firstSeen, StageHistory.Change change) {
    }

    /**
     * One group's counts.
     *
     * @param key the source or the week (ISO date of its Monday); null in the total
     * @param mqlRate the qualified share of the leads, in percent (null when there are none)
     * @param conversions from MQL to SAL, SAL to SQL, ... (leads whose stage changes were recorded)
     * @param timeInStage the median time in LEAD before MQL, in MQL before SAL, ...
     */
    public record Group(String key, long leads, Map<LifecycleStage, Long> byStage, long qualified, Double mqlRate,
            List<StageFlow.Conversion> conversions, List<StageFlow.StageTime> timeInStage) {
    }

    /** The source of a lead that no classified engagement brought. */
    public static final String UNATTRIBUTED = "unattributed";

    /** @param changes the leads' recorded stage changes, each lead's in the order they happened */
    public static Funnel of(List<Count> counts, List<Change> changes) {
        return new Funnel(group(null, counts, changes),
                groups(counts, changes, Count::source, Change::source),
                groups(counts, changes, count -> count.week().toString(), change -> change.week().toString()));
    }

    /** Groups by key, in the keys' order (ISO dates sort by time). */
    private static List<Group> groups(List<Count> counts, List<Change> changes, Function<Count, String> countKey,
            Function<Change, String> changeKey) {
        Map<String, List<Count>> grouped = new TreeMap<>();
        counts.forEach(count -> grouped.computeIfAbsent(countKey.apply(count), any -> new ArrayList<>()).add(count));
        Map<String, List<Change>> changesByKey = new TreeMap<>();
        changes.forEach(change -> changesByKey.computeIfAbsent(changeKey.apply(change), any -> new ArrayList<>()).add(change));
        return grouped.entrySet().stream()
                .map(entry -> group(entry.getKey(), entry.getValue(), changesByKey.getOrDefault(entry.getKey(), List.of())))
                .toList();
    }

    private static Group group(String key, List<Count> counts, List<Change> changes) {
        Map<LifecycleStage, Long> byStage = new EnumMap<>(LifecycleStage.class);
        long leads = 0;
        long qualified = 0;
        for (Count count : counts) {
            byStage.merge(count.stage(), count.leads(), Long::sum);
            leads += count.leads();
            qualified += count.qualified();
        }
        List<StageFlow.Journey> journeys = journeys(changes);
        return new Group(key, leads, byStage, qualified, StageFlow.percent(qualified, leads), StageFlow.conversions(journeys),
                StageFlow.timesInStage(journeys));
    }

    private static List<StageFlow.Journey> journeys(List<Change> changes) {
        return byLead(changes).stream()
                .map(lead -> new StageFlow.Journey(lead.get(0).firstSeen(), lead.stream().map(Change::change).toList()))
                .toList();
    }

    /** Each lead's changes, in the order given; leads in the order of their first change. */
    static Collection<List<Change>> byLead(List<Change> changes) {
        Map<UUID, List<Change>> byLead = new LinkedHashMap<>();
        changes.forEach(change -> byLead.computeIfAbsent(change.leadId(), any -> new ArrayList<>()).add(change));
        return byLead.values();
    }
}
