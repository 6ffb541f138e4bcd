package io.leadflow.scoring.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The published scoring model versions (table {@code scoring_model}). Plain SQL on the reactive
 * pool: it runs at startup, outside any Hibernate session.
 */
@ApplicationScoped
public class ScoringModelStore {

    private static final String COLUMNS = "select version, author, changelog, created_at, active, document::text as document from scoring_model";

    private final Pool pool;
    private final ObjectMapper json;

    public ScoringModelStore(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** Stores the shipped default as version 1, active, unless some version exists already. */
    public Uni<Void> seed(JsonNode document, String author, String changelog, Instant now) {
        return pool.withTransaction(sql -> lock(sql)
                .flatMap(locked -> sql.preparedQuery("insert into scoring_model (version, document, author, changelog, created_at, active)"
                        + " select 1, $1::text::jsonb, $2, $3, $4, true where not exists (select 1 from scoring_model)")
                        .execute(Tuple.of(text(document), author, changelog, at(now)))))
                .replaceWithVoid();
    }

    /** The active version. */
    public Uni<StoredModelVersion> active() {
        return pool.query(COLUMNS + " where active").execute()
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(this::read).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no scoring model version is active")));
    }

    /** The version with this number, or null when there is none. */
    public Uni<StoredModelVersion> version(int version) {
        return pool.preparedQuery(COLUMNS + " where version = $1").execute(Tuple.of(version))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(this::read).findFirst().orElse(null));
    }

    /** Every version, newest first. */
    public Uni<List<StoredModelVersion>> versions() {
        return pool.query(COLUMNS + " order by version desc").execute()
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(this::read).toList());
    }

    /** Publishes a (validated) document as the next version and makes it the active one. */
    public Uni<StoredModelVersion> publish(JsonNode document, String author, String changelog, Instant now) {
        return pool.withTransaction(sql -> lock(sql)
                .flatMap(locked -> sql.query("update scoring_model set active = false where active returning version").execute())
                .flatMap(deactivated -> sql.preparedQuery("insert into scoring_model (version, document, author, changelog, created_at, active)"
                                + " select coalesce(max(version), 0) + 1, $1::text::jsonb, $2, $3, $4, true from scoring_model returning version")
                        .execute(Tuple.of(text(document), author, changelog, at(now))))
                .map(inserted -> new StoredModelVersion(inserted.iterator().next().getInteger("version"), author, changelog, now,
                        true, document)));
    }

    // publishing is rare: one at a time keeps version numbers dense and one version active
    private static Uni<?> lock(SqlClient sql) {
        return sql.query("lock table scoring_model in exclusive mode").execute();
    }

    private StoredModelVersion read(Row row) {
        return new StoredModelVersion(row.getInteger("version"), row.getString("author"), row.getString("changelog"),
                row.getOffsetDateTime("created_at").toInstant(), row.getBoolean("active"), tree(row.getString("document")));
    }

    // bound as text and cast in SQL: a String bound to a jsonb parameter would be stored as a JSON string
    private String text(JsonNode document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode tree(String document) {
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored scoring model is not JSON", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
