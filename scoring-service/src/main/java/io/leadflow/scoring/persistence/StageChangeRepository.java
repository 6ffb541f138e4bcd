package io.leadflow.scoring.persistence;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.StageHistory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.leadflow.txmessaging.NativeValues;
import org.hibernate.reactive.mutiny.Mutiny;

/** Each lead's lifecycle history: the stage changes announced about it. */
@ApplicationScoped
@WithSession
public class StageChangeRepository implements PanacheRepositoryBase<StoredStageChange, String> {

    private static final int COLUMNS = 7;

    /** A stage change to record, under the id of the event that announces it. */
    public record Recorded(String eventId, UUID leadId, LifecycleStage from, LifecycleStage to, Instant at, String causeEventId,
            String reason) {
    }

    /**
     * Records stage changes in one statement, in the caller's transaction; an id already recorded (the same decision
     * taken again) is left as it is.
     */
    public Uni<Void> record(List<Recorded> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> {
            Mutiny.MutationQuery insert = session.createNativeMutationQuery(insertOf(changes.size()));
            int parameter = 1;
            for (Recorded change : changes) {
                insert.setParameter(parameter++, change.eventId())
                        .setParameter(parameter++, change.leadId())
                        .setParameter(parameter++, change.from().name())
                        .setParameter(parameter++, change.to().name())
                        .setParameter(parameter++, change.at())
                        .setParameter(parameter++, change.causeEventId())
                        .setParameter(parameter++, change.reason());
            }
            return insert.executeUpdate();
        }).replaceWithVoid();
    }

    /** A lead's stage changes in the order they happened. */
    public Uni<List<StageHistory.Change>> changesOf(UUID leadId) {
        return find("leadId", Sort.by("changedAt").and("seq"), leadId).list()
                .map(changes -> changes.stream().map(StoredStageChange::toChange).toList());
    }

    /** Erases a lead's lifecycle history. */
    public Uni<Long> erase(UUID leadId) {
        return delete("leadId", leadId);
    }

    private static String insertOf(int rows) {
        return "insert into stage_change (event_id, lead_id, from_stage, to_stage, changed_at, cause_event_id, reason) values "
                + NativeValues.placeholders(rows, COLUMNS) + " on conflict (event_id) do nothing";
    }
}
