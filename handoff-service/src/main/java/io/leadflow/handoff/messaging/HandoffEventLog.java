package io.leadflow.handoff.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.handoff.domain.HandoffAudience;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored handoff events in commit order ({@code handoff_event.position}), as the live feed and
 * stream replays read them. Reading in pages after a position never skips one: positions are given
 * in commit order (see migration V7).
 */
@ApplicationScoped
public class HandoffEventLog {

    private static final String AFTER = """
            select position, event_id, audience::text as audience, data from handoff_event
            where position > $1 order by position limit $2""";

    private final Pool pool;
    private final ObjectMapper json;

    public HandoffEventLog(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /**
     * The last position given to an event and the last one retention deleted.
     */
    public record Marks(long issued, long pruned) {
    }

    /** Up to {@code limit} events after {@code position}, in order. */
    public Uni<List<StreamedEvent>> after(long position, int limit) {
        return pool.preparedQuery(AFTER).execute(Tuple.of(position, limit)).map(rows -> {
            List<StreamedEvent> events = new ArrayList<>(rows.size());
            for (Row row : rows) {
                events.add(new StreamedEvent(row.getLong("position"), row.getString("event_id"), audience(row.getString("audience")),
                        row.getString("data")));
            }
            return events;
        });
    }

    public Uni<Marks> marks() {
        return pool.query("select name, position from handoff_event_mark").execute().map(rows -> {
            long issued = 0;
            long pruned = 0;
            for (Row row : rows) {
                switch (row.getString("name")) {
                    case "issued" -> issued = row.getLong("position");
                    case "pruned" -> pruned = row.getLong("position");
                    default -> throw new IllegalStateException("unknown handoff event mark " + row.getString("name"));
                }
            }
            return new Marks(issued, pruned);
        });
    }

    private HandoffAudience audience(String column) {
        try {
            return json.readValue(column, HandoffAudience.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored audience does not read back: " + column, e);
        }
    }
}
