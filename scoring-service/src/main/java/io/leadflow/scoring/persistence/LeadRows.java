package io.leadflow.scoring.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.Grade;
import io.leadflow.txmessaging.JsonRecordSet;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Lead rows read and written in one statement each, as plain objects no session manages: the engagement consumer keeps
 * them in memory between polls, so neither a lead's load nor its dirty check nor its update is a step per lead. A lead
 * is written back only at the version it was read at ({@link #update}), which every other change of the row advances.
 */
@ApplicationScoped
public class LeadRows {

    private static final String COLUMNS = "id, lead_key, email, score, stage, fit_score, grade, scored_as_of, decayed_sums,"
            + " qualifications, rescore_checkpoint, traits, created_at, updated_at, version";

    private static final String SELECT = "select cast(coalesce(jsonb_agg(to_jsonb(l) order by l.id), '[]') as text) from (select "
            + COLUMNS + " from lead where id in (select id from lead where lead_key in"
            + " (select jsonb_array_elements_text(cast(cast(?1 as text) as jsonb)))"
            + " union all select cast(jsonb_array_elements_text(cast(cast(?2 as text) as jsonb)) as uuid)) order by id";

    private static final String RECORD = " as r (id uuid, lead_key text, email text, score integer, stage text, fit_score integer,"
            + " grade text, scored_as_of timestamptz, decayed_sums jsonb, qualifications integer, rescore_checkpoint jsonb,"
            + " traits jsonb, created_at timestamptz, updated_at timestamptz, version bigint)";

    // a row changed elsewhere since it was read keeps its change: it is not in the answer
    private static final String UPDATE = "update lead set score = r.score, stage = r.stage, fit_score = r.fit_score, grade = r.grade,"
            + " scored_as_of = r.scored_as_of, decayed_sums = r.decayed_sums, qualifications = r.qualifications,"
            + " rescore_checkpoint = r.rescore_checkpoint, traits = r.traits, updated_at = r.updated_at, version = lead.version + 1"
            + " from " + JsonRecordSet.FROM + RECORD + " where lead.id = r.id and lead.version = r.version returning cast(lead.id as text)";

    private static final String INSERT = "insert into lead (" + COLUMNS + ") select " + COLUMNS + " from " + JsonRecordSet.FROM + RECORD
            + " order by source_rows.n";

    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public LeadRows(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The leads with these keys or ids, in id order; with {@code lock}, each locked until the transaction ends (concurrent
     * readers lock common leads in the same order).
     */
    public Uni<List<Lead>> read(Collection<String> leadKeys, Collection<UUID> ids, boolean lock) {
        if (leadKeys.isEmpty() && ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String keys = JsonRecordSet.ofValues(json, List.copyOf(leadKeys));
        String idValues = JsonRecordSet.ofValues(json, ids.stream().map(UUID::toString).toList());
        String query = SELECT + (lock ? " for update" : "") + ") as l";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(query, String.class)
                        .setParameter(1, keys)
                        .setParameter(2, idValues)
                        .getSingleResult())
                .map(this::leads);
    }

    /**
     * Writes these leads back where each row is still at the version it was read at, and advances the version of those
     * written; one statement, in the caller's transaction, which then holds their rows until it ends.
     *
     * @return the ids of the leads not written: their rows changed (or went) since they were read
     */
    public Uni<Set<UUID>> update(Collection<Lead> leads) {
        if (leads.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String rows = JsonRecordSet.of(json, leads.stream().map(LeadRows::row).toList());
        return Panache.getSession().flatMap(session -> session.createNativeQuery(UPDATE, String.class).setParameter(1, rows).getResultList())
                .map(written -> {
                    Set<UUID> stale = new HashSet<>();
                    Set<String> done = new HashSet<>(written);
                    for (Lead lead : leads) {
                        if (done.contains(lead.id().toString())) {
                            lead.advanceVersion();
                        } else {
                            stale.add(lead.id());
                        }
                    }
                    return stale;
                });
    }

    /** Inserts new leads, one statement in the caller's transaction; a key another transaction took fails it. */
    public Uni<Void> insert(Collection<Lead> leads) {
        if (leads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String rows = JsonRecordSet.of(json, leads.stream().map(LeadRows::row).toList());
        return Panache.getSession().flatMap(session -> session.createNativeMutationQuery(INSERT).setParameter(1, rows).executeUpdate())
                .replaceWithVoid();
    }

    private static Map<String, Object> row(Lead lead) {
        Map<String, Object> row = new HashMap<>(24);
        row.put("id", lead.id().toString());
        row.put("lead_key", lead.leadKey());
        row.put("email", lead.email());
        row.put("score", lead.score());
        row.put("stage", lead.stage().name());
        row.put("fit_score", lead.fitScore());
        row.put("grade", lead.grade().name());
        row.put("scored_as_of", lead.scoredAsOf() == null ? null : lead.scoredAsOf().toString());
        row.put("decayed_sums", lead.decayedSumsColumn());
        row.put("qualifications", lead.qualifications());
        row.put("rescore_checkpoint", lead.rescoreCheckpointColumn());
        row.put("traits", lead.traits());
        row.put("created_at", lead.createdAt().toString());
        row.put("updated_at", lead.updatedAt().toString());
        row.put("version", lead.version());
        return row;
    }

    @SuppressWarnings("unchecked")
    private List<Lead> leads(String rowsJson) {
        List<Map<String, Object>> rows;
        try {
            rows = json.readValue(rowsJson, ROWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read lead rows", e);
        }
        List<Lead> leads = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            leads.add(Lead.restored(UUID.fromString((String) row.get("id")), (String) row.get("lead_key"), (String) row.get("email"),
                    ((Number) row.get("score")).intValue(), LifecycleStage.valueOf((String) row.get("stage")),
                    ((Number) row.get("fit_score")).intValue(), Grade.valueOf((String) row.get("grade")), instant(row.get("scored_as_of")),
                    (Map<String, Object>) row.get("decayed_sums"), ((Number) row.get("qualifications")).intValue(),
                    (Map<String, Object>) row.get("rescore_checkpoint"), (Map<String, Object>) row.get("traits"),
                    instant(row.get("created_at")), instant(row.get("updated_at")), ((Number) row.get("version")).longValue()));
        }
        return leads;
    }

    // to_jsonb writes timestamptz with its offset
    private static Instant instant(Object value) {
        return value == null ? null : OffsetDateTime.parse((String) value).toInstant();
    }
}
