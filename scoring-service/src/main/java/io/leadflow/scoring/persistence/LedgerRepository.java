package io.leadflow.scoring.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.scoring.domain.LedgerEntry;
import io.leadflow.scoring.domain.LedgerNeed;
import io.leadflow.txmessaging.JsonRecordSet;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The score ledger: what each engagement gave each lead. */
@ApplicationScoped
@WithSession
public class LedgerRepository implements PanacheRepositoryBase<ScoreEntry, ScoreEntry.Key> {

    private static final String INSERT = "insert into score_entry (lead_id, event_id, rule, type, points, reason, occurred_at,"
            + " half_life_seconds, model_version, weight, recorded_at) select lead_id, event_id, rule, type, points, reason,"
            + " occurred_at, half_life_seconds, model_version, weight, recorded_at from " + JsonRecordSet.FROM
            + " as r (lead_id uuid, event_id text, rule text, type text, points integer, reason text,"
            + " occurred_at timestamptz, half_life_seconds bigint, model_version integer, weight double precision,"
            + " recorded_at timestamptz)";

    // a ledger's rows, each as a JSON array (column order of LedgerRows.entry), in the ledger's order, as one text value:
    // one statement text whatever the number of leads (an IN list of parameters made a statement, and a query plan in
    // Hibernate and in PostgreSQL, per length), and no entity read per row (Hibernate's reading of a few thousand
    // entries cost scoring more than the statement did)
    private static final String ENTRIES = "select cast(coalesce(json_agg(json_build_array(e.lead_id, e.event_id, e.type, e.rule,"
            + " e.points, e.reason, " + EpochMicros.of("e.occurred_at") + ", e.half_life_seconds, e.model_version,"
            + " e.weight) order by e.lead_id, e.occurred_at, e.event_id, e.rule), '[]') as text) from score_entry e";

    private static final String OF_LEADS = " where e.lead_id in"
            + " (select cast(jsonb_array_elements_text(cast(cast(?1 as text) as jsonb)) as uuid))";

    // the earliest bound on its own too, so that one range of the (lead, occurred_at) key is scanned; each capped rule's
    // moment joined from a JSON object of rule to moment
    private static final String NEEDED = ENTRIES + " left join (select key as rule, cast(value as timestamptz) as since from"
            + " jsonb_each_text(cast(cast(?4 as text) as jsonb))) as capped on capped.rule = e.rule" + OF_LEADS
            + " and e.occurred_at > cast(?2 as timestamptz) and (e.occurred_at > cast(?3 as timestamptz) or e.occurred_at > capped.since)";

    @Inject
    ObjectMapper json;

    /** A lead's ledger, oldest engagement first. */
    public Uni<List<LedgerEntry>> entriesOf(UUID leadId) {
        return entriesOf(List.of(leadId)).map(ledgers -> ledgers.getOrDefault(leadId, List.of()));
    }

    /** The ledgers of several leads, each oldest engagement first: one query. A lead without entries is absent. */
    public Uni<Map<UUID, List<LedgerEntry>>> entriesOf(Collection<UUID> leadIds) {
        if (leadIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().flatMap(session -> session.createNativeQuery(ENTRIES + OF_LEADS, String.class)
                        .setParameter(1, ids(leadIds))
                        .getSingleResult())
                .map(rows -> LedgerRows.byLead(json, rows));
    }

    /**
     * The part of several leads' ledgers that counting engagements reads once the leads keep their decayed sums
     * ({@link LedgerNeed}), each oldest engagement first: one query whose rows do not grow with a hot lead's ledger.
     */
    public Uni<Map<UUID, List<LedgerEntry>>> entriesOf(Collection<UUID> leadIds, LedgerNeed need) {
        if (leadIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<String, String> capped = new HashMap<>();
        need.capped().forEach((rule, since) -> capped.put(rule, since.toString()));
        return getSession().flatMap(session -> session.createNativeQuery(NEEDED, String.class)
                        .setParameter(1, ids(leadIds))
                        .setParameter(2, need.earliest())
                        .setParameter(3, need.after())
                        .setParameter(4, JsonRecordSet.ofPairs(json, capped))
                        .getSingleResult())
                .map(rows -> LedgerRows.byLead(json, rows));
    }

    private String ids(Collection<UUID> leadIds) {
        return JsonRecordSet.ofValues(json, leadIds.stream().map(UUID::toString).toList());
    }

    /** Multiplies the weight of every entry of a lead's ledger by {@code factor} (recycling); in the caller's transaction. */
    public Uni<Integer> reweight(UUID leadId, double factor) {
        return update("weight = weight * ?1 where leadId = ?2", factor, leadId);
    }

    /**
     * Replaces a lead's whole ledger (its history was scored afresh); in the caller's transaction.
     * The bulk delete runs at once, before the new entries are flushed, so the ledger's key stays unique.
     */
    public Uni<Void> replace(UUID leadId, List<LedgerEntry> entries, Instant recordedAt) {
        return erase(leadId).flatMap(deleted -> append(leadId, entries, recordedAt));
    }

    /** Erases a lead's ledger. */
    public Uni<Long> erase(UUID leadId) {
        return delete("leadId", leadId);
    }

    /** Erases several leads' ledgers: one statement. */
    public Uni<Long> erase(Collection<UUID> leadIds) {
        return leadIds.isEmpty() ? Uni.createFrom().item(0L) : delete("leadId in ?1", leadIds);
    }

    /**
     * Erases, per lead, the entries of the events that happened at or after its moment (the part a late engagement made
     * be scored again): one statement.
     */
    public Uni<Long> eraseFrom(Map<UUID, Instant> fromByLead) {
        if (fromByLead.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        LeadMoments from = LeadMoments.of(fromByLead, ">=");
        return delete(from.where(), from.parameters());
    }

    /**
     * Adds entries to several leads' ledgers in one statement; must run in the transaction that changes their scores.
     * An entry already in the lead's ledger (same moment, event and rule) fails the statement: counting never writes one twice.
     */
    public Uni<Void> append(Map<UUID, List<LedgerEntry>> entriesByLead, Instant recordedAt) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String at = recordedAt.toString();
        entriesByLead.forEach((lead, entries) -> entries.forEach(entry -> rows.add(row(lead, entry, at))));
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String rowsJson = JsonRecordSet.of(json, rows);
        return getSession().flatMap(session -> session.createNativeMutationQuery(INSERT).setParameter(1, rowsJson).executeUpdate())
                .replaceWithVoid();
    }

    /** Adds entries to a lead's ledger; must run in the transaction that changes its score. */
    public Uni<Void> append(UUID leadId, List<LedgerEntry> entries, Instant recordedAt) {
        return append(Map.of(leadId, entries), recordedAt);
    }

    private static Map<String, Object> row(UUID leadId, LedgerEntry entry, String recordedAt) {
        Map<String, Object> row = new HashMap<>(16);
        row.put("lead_id", leadId.toString());
        row.put("event_id", entry.eventId());
        row.put("rule", entry.ruleId());
        row.put("type", entry.type().wireName());
        row.put("points", entry.points());
        row.put("reason", entry.reason());
        row.put("occurred_at", entry.occurredAt().toString());
        row.put("half_life_seconds", entry.halfLife() == null ? null : entry.halfLife().toSeconds());
        row.put("model_version", entry.modelVersion());
        row.put("weight", entry.weight());
        row.put("recorded_at", recordedAt);
        return row;
    }
}
