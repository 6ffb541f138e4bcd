package io.leadflow.scoring.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.scoring.domain.Engagement;
import io.leadflow.scoring.domain.Identification;
import io.leadflow.scoring.domain.LeadEvent;
import io.leadflow.scoring.domain.RecordedEvent;
import io.leadflow.txmessaging.JsonRecordSet;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Each lead's stored history: every event counted for it, the input of re-scoring. */
@ApplicationScoped
@WithSession
public class LeadHistoryRepository implements PanacheRepositoryBase<StoredLeadEvent, String> {

    // seq (bigserial) follows the order of the rows: arrival order
    private static final String INSERT = "insert into lead_event (event_id, lead_id, type, occurred_at, properties, traits, bot,"
            + " weight, recorded_at, event_name) select event_id, lead_id, type, occurred_at, properties, traits, bot, 1, recorded_at,"
            + " event_name from " + JsonRecordSet.FROM + " as r (event_id text, lead_id uuid, type text, occurred_at timestamptz,"
            + " properties jsonb, traits jsonb, bot boolean, recorded_at timestamptz, event_name text) order by source_rows.n";

    private static final String HISTORY_ORDER = "leadId, occurredAt, seq";

    @Inject
    ObjectMapper json;

    /** Adds an event to a lead's history; in the transaction that counts it. */
    public Uni<Void> record(UUID leadId, LeadEvent event, Instant now) {
        return record(Map.of(leadId, List.of(event)), now);
    }

    /**
     * Adds events to several leads' histories, each lead's in arrival order (its {@code seq}), in one statement; in the
     * transaction that counts them.
     */
    public Uni<Void> record(Map<UUID, ? extends List<? extends LeadEvent>> eventsByLead, Instant now) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String at = now.toString();
        eventsByLead.forEach((lead, events) -> events.forEach(event -> rows.add(row(lead, event, at))));
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String rowsJson = JsonRecordSet.of(json, rows);
        return getSession().flatMap(session -> session.createNativeMutationQuery(INSERT).setParameter(1, rowsJson).executeUpdate())
                .replaceWithVoid();
    }

    // the history's key is (id, time): the time bounds prune the monthly partitions (V12) to those a copy can be in
    private static final String RECORDED = "select event_id from lead_event where occurred_at between cast(?2 as timestamptz)"
            + " and cast(?3 as timestamptz) and event_id in (select jsonb_array_elements_text(cast(cast(?1 as text) as jsonb)))";

    /** Allowance for the clocks of capture's instances, which stamp events sent without a time. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /**
     * Those of these events that are in some lead's history already under an earlier copy, recorded at most
     * {@code copiesWithin} before them: one look-up of the history's key. The engagement channel's dedupe (every
     * engagement it counts is recorded here under its id, in the transaction that counts it). A copy may carry a later
     * time than the first, not only the same: capture stamps an event sent without one with the time it got it, so a
     * client's retry is stamped again.
     */
    public Uni<Set<String>> recorded(Map<String, Instant> occurredAtById, Duration copiesWithin) {
        if (occurredAtById.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Instant earliest = Collections.min(occurredAtById.values()).minus(copiesWithin).minus(CLOCK_SKEW);
        Instant latest = Collections.max(occurredAtById.values()).plus(CLOCK_SKEW);
        return getSession().flatMap(session -> session.createNativeQuery(RECORDED, String.class)
                        .setParameter(1, JsonRecordSet.ofValues(json, List.copyOf(occurredAtById.keySet())))
                        .setParameter(2, earliest)
                        .setParameter(3, latest)
                        .getResultList())
                .map(HashSet::new);
    }

    private static Map<String, Object> row(UUID leadId, LeadEvent event, String recordedAt) {
        Map<String, Object> row = new HashMap<>(16);
        row.put("event_id", event.eventId());
        row.put("lead_id", leadId.toString());
        row.put("occurred_at", event.occurredAt().toString());
        row.put("recorded_at", recordedAt);
        if (event instanceof Engagement engagement) {
            row.put("type", engagement.type().wireName());
            row.put("properties", engagement.properties());
            row.put("traits", engagement.traits());
            row.put("bot", engagement.bot());
            row.put("event_name", engagement.event());
        } else {
            // an identification: its traits, no type
            row.put("type", null);
            row.put("properties", Map.of());
            row.put("traits", ((Identification) event).traits());
            row.put("bot", false);
        }
        return row;
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
        return ReadOnlyRows.list(StoredLeadEvent.class, "leadId in :leads", HISTORY_ORDER, Parameters.with("leads", leadIds))
                .map(LeadHistoryRepository::byLead);
    }

    /** Per lead, the events of its history after its moment, in the order they happened: one query. */
    public Uni<Map<UUID, List<RecordedEvent>>> historiesAfter(Map<UUID, Instant> afterByLead) {
        if (afterByLead.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        LeadMoments after = LeadMoments.of(afterByLead, ">");
        return ReadOnlyRows.list(StoredLeadEvent.class, after.where(), HISTORY_ORDER, after.parameters()).map(LeadHistoryRepository::byLead);
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
