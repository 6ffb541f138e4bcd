package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The funnel over time: at the end of every week since the first cohort, the leads first seen by then, each in the
 * stage it was in at that moment. A lead whose stage never changed has been in it since first seen; one with recorded
 * changes was in the stage its last change before the moment led to, or, before its first change, the stage that
 * change left. (A lead whose changes predate the history is counted in its stage now.)
 */
public final class StageSnapshots {

    /** The leads first seen by {@code at}, by the stage they were in then. */
    public record Snapshot(LocalDate week, Instant at, Map<LifecycleStage, Long> byStage) {
    }

    private StageSnapshots() {
    }

    /**
     * @param counts every lead of the funnel by the week first seen and its stage now
     * @param changes the recorded changes of those leads, each lead's in the order they happened
     * @param now the end of the last snapshot (the current week's is taken now)
     */
    public static List<Snapshot> weekly(List<Funnel.Count> counts, List<Funnel.Change> changes, Instant now) {
        LocalDate first = counts.stream().map(Funnel.Count::week).min(LocalDate::compareTo).orElse(null);
        if (first == null) {
            return List.of();
        }
        Collection<List<Funnel.Change>> byLead = Funnel.byLead(changes);
        List<Snapshot> snapshots = new ArrayList<>();
        for (LocalDate week = first; week.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(now); week = week.plusWeeks(1)) {
            Instant end = week.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant at = end.isBefore(now) ? end : now;
            snapshots.add(new Snapshot(week, at, stagesAt(week, at, counts, byLead)));
        }
        return snapshots;
    }

    private static Map<LifecycleStage, Long> stagesAt(LocalDate week, Instant at, List<Funnel.Count> counts,
            Collection<List<Funnel.Change>> changesByLead) {
        Map<LifecycleStage, Long> byStage = new EnumMap<>(LifecycleStage.class);
        counts.stream().filter(count -> !count.week().isAfter(week)).forEach(count -> byStage.merge(count.stage(), count.leads(), Long::sum));
        // the counts hold a changed lead in its stage now: move it to the stage it was in then
        changesByLead.stream().filter(lead -> !lead.get(0).week().isAfter(week)).forEach(lead -> {
            byStage.merge(lead.get(lead.size() - 1).change().to(), -1L, Long::sum);
            byStage.merge(stageAt(lead, at), 1L, Long::sum);
        });
        byStage.values().removeIf(leads -> leads == 0);
        return byStage;
    }

    private static LifecycleStage stageAt(List<Funnel.Change> lead, Instant at) {
        LifecycleStage stage = lead.get(0).change().from();
        for (Funnel.Change change : lead) {
            if (change.change().at().isAfter(at)) {
                break;
            }
            stage = change.change().to();
        }
        return stage;
    }
}
