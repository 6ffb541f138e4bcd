package io.leadflow.handoff.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates over the handoffs made in a period ({@code created_at} in [from, to)), per rep (the
 * current assignee), per source and in all; the rows with a null key are the totals.
 */
@ApplicationScoped
public class HandoffReports {

    /**
     * SLA counts. Met: first acted on before the first due time (never escalated). Breached:
     * escalated, lapsed with nobody to escalate to, first acted on late, or still untouched past
     * its due time. The rest are still running. Times to first action in seconds.
     */
    private static final String SLA = """
            select assignee as key, grouping(assignee) as total,
                count(*) as handoffs,
                count(*) filter (where first_action_at <= sla_due_at and escalations = 0) as met,
                count(*) filter (where escalations > 0 or sla_breached_at is not null or first_action_at > sla_due_at
                                 or (first_action_at is null and sla_due_at <= $3)) as breached,
                percentile_cont(0.5) within group (order by extract(epoch from first_action_at - created_at)) as median_seconds,
                percentile_cont(0.9) within group (order by extract(epoch from first_action_at - created_at)) as p90_seconds
            from handoff
            where created_at >= $1 and created_at < $2
            group by grouping sets ((assignee), ())
            order by total desc, key""";

    /** Outcome counts; a lead qualified at once counts as accepted too (sales took it). */
    private static final String OUTCOMES = """
            select assignee, source, grouping(assignee, source) as level,
                count(*) as handoffs,
                count(*) filter (where accepted_at is not null or status = 'QUALIFIED') as accepted,
                count(*) filter (where status = 'REJECTED') as rejected,
                count(*) filter (where status = 'RECYCLED') as recycled,
                count(*) filter (where status = 'QUALIFIED') as qualified
            from handoff
            where created_at >= $1 and created_at < $2
            group by grouping sets ((assignee), (source), ())
            order by level, assignee, source nulls last""";

    /** One group's SLA figures; {@code key} null for the total. */
    public record SlaRow(String key, long handoffs, long met, long breached, Double medianSeconds, Double p90Seconds) {
    }

    /** Which grouping an outcome row belongs to. */
    public enum Grouping {
        TOTAL,
        REP,
        SOURCE
    }

    /** One group's outcome counts; {@code key} is the rep or the source (null: a lead without one). */
    public record OutcomeRow(Grouping grouping, String key, long handoffs, long accepted, long rejected, long recycled, long qualified) {
    }

    private final Pool pool;

    public HandoffReports(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<SlaRow>> sla(Instant from, Instant to, Instant now) {
        return pool.preparedQuery(SLA).execute(Tuple.of(at(from), at(to), at(now))).map(rows -> {
            List<SlaRow> result = new ArrayList<>();
            for (Row row : rows) {
                result.add(new SlaRow(row.getInteger("total") == 1 ? null : row.getString("key"), row.getLong("handoffs"),
                        row.getLong("met"), row.getLong("breached"), row.getDouble("median_seconds"), row.getDouble("p90_seconds")));
            }
            return result;
        });
    }

    public Uni<List<OutcomeRow>> outcomes(Instant from, Instant to) {
        return pool.preparedQuery(OUTCOMES).execute(Tuple.of(at(from), at(to))).map(rows -> {
            List<OutcomeRow> result = new ArrayList<>();
            for (Row row : rows) {
                // grouping(assignee, source): a bit set for each column rolled up, assignee's the higher
                Grouping grouping = switch (row.getInteger("level")) {
                    case 1 -> Grouping.REP;
                    case 2 -> Grouping.SOURCE;
                    default -> Grouping.TOTAL;
                };
                String key = grouping == Grouping.REP ? row.getString("assignee") : grouping == Grouping.SOURCE ? row.getString("source") : null;
                result.add(new OutcomeRow(grouping, key, row.getLong("handoffs"), row.getLong("accepted"), row.getLong("rejected"),
                        row.getLong("recycled"), row.getLong("qualified")));
            }
            return result;
        });
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
