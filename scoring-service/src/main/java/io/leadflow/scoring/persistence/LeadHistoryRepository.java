package io.leadflow.scoring.persistence;

import io.leadflow.scoring.domain.LeadEvent;
import io.leadflow.scoring.domain.RecordedEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Each lead's stored history: every event counted for it, the input of re-scoring. */
@ApplicationScoped
@WithSession
public class LeadHistoryRepository implements PanacheRepositoryBase<StoredLeadEvent, String> {

    /** Adds an event to a lead's history; in the transaction that counts it. */
    public Uni<Void> record(UUID leadId, LeadEvent event, Instant now) {
        return persist(new StoredLeadEvent(leadId, event, now)).replaceWithVoid();
    }

    /** Adds events to several leads' histories, each lead's in arrival order; in the transaction that counts them. */
    public Uni<Void> record(Map<UUID, ? extends List<? extends LeadEvent>> eventsByLead, Instant now) {
        List<StoredLeadEvent> rows = eventsByLead.entrySet().stream()
                .flatMap(lead -> lead.getValue().stream().map(event -> new StoredLeadEvent(lead.getKey(), event, now)))
                .toList();
        return rows.isEmpty() ? Uni.createFrom().voidItem() : persist(rows);
    }

    /** A lead's history in the order it happened (arrival order among events of one moment). */
    public Uni<List<RecordedEvent>> historyOf(UUID leadId) {
        return find("leadId", Sort.by("occurredAt").and("seq"), leadId).list()
                .map(events -> events.stream().map(StoredLeadEvent::toRecordedEvent).toList());
    }

    /** The histories of several leads, each in the order it happened. */
    public Uni<Map<UUID, List<RecordedEvent>>> historiesOf(Collection<UUID> leadIds) {
        if (leadIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return find("leadId in ?1", Sort.by("leadId").and("occurredAt").and("seq"), leadIds).list().map(LeadHistoryRepository::byLead);
    }

    /** Per lead, the events of its history after its moment, in the order they happened: one query. */
    public Uni<Map<UUID, List<RecordedEvent>>> historiesAfter(Map<UUID, Instant> afterByLead) {
        if (afterByLead.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        LeadMoments after = LeadMoments.of(afterByLead, ">");
        return find(after.where(), Sort.by("leadId").and("occurredAt").and("seq"), after.parameters()).list()
                .map(LeadHistoryRepository::byLead);
    }

    private static Map<UUID, List<RecordedEvent>> byLead(List<StoredLeadEvent> events) {
        return events.stream().collect(Collectors.groupingBy(StoredLeadEvent::leadId,
                Collectors.mapping(StoredLeadEvent::toRecordedEvent, Collectors.toList())));
    }

    /** Moves one lead's history to another (an identity merge); in the caller's transaction. */
    public Uni<Integer> move(UUID fromLeadId, UUID toLeadId) {
        return update("leadId = ?1 where leadId = ?2", toLeadId, fromLeadId);
    }

    /** Multiplies the weight of every event of a lead's history by {@code factor} (recycling), as the ledger's. */
    public Uni<Integer> reweight(UUID leadId, double factor) {
        return update("weight = weight * ?1 where leadId = ?2", factor, leadId);
    }

    /** Erases a lead's history. */
    public Uni<Long> erase(UUID leadId) {
        return delete("leadId", leadId);
    }
}
