package io.leadflow.scoring.persistence;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.calibration.Outcome;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a calibration reads of sales' verdicts, from the lifecycle history (table {@code stage_change}): each lead's
 * first verdict, and the size of the leads' stored histories. Plain reads on the reactive pool; it writes nothing.
 */
@ApplicationScoped
public class SalesOutcomes {

    // a lead's first move to a stage that is sales' verdict, among every change it had (seq orders one moment's)
    private static final String FIRST_VERDICTS = "select v.lead_id, l.email, v.to_stage, v.changed_at from ("
            + " select distinct on (lead_id) lead_id, to_stage, changed_at from stage_change"
            + " where to_stage in ('SAL', 'SQL', 'OPPORTUNITY', 'CUSTOMER', 'RECYCLED', 'DISQUALIFIED')"
            + " order by lead_id, changed_at, seq) v join lead l on l.id = v.lead_id"
            + " where v.changed_at >= $1 and v.changed_at < $2";

    private final Pool pool;

    public SalesOutcomes(Pool pool) {
        this.pool = pool;
    }

    /** The leads whose first verdict from sales came in [from, to), each with that verdict. */
    public Uni<List<Outcome>> firstVerdictsIn(Instant from, Instant to) {
        return pool.preparedQuery(FIRST_VERDICTS).execute(Tuple.of(at(from), at(to))).map(rows -> {
            List<Outcome> outcomes = new ArrayList<>(rows.size());
            rows.forEach(row -> Outcome.convertedBy(LifecycleStage.valueOf(row.getString("to_stage"))).ifPresent(converted ->
                    outcomes.add(new Outcome(row.getUUID("lead_id").toString(), row.getString("email"), converted,
                            row.getOffsetDateTime("changed_at").toInstant()))));
            return outcomes;
        });
    }

    /** How many events each of these leads' stored histories holds (a lead with none is left out). */
    public Uni<Map<UUID, Long>> historySizes(List<UUID> leadIds) {
        return pool.preparedQuery("select lead_id, count(*) as events from lead_event where lead_id = any($1) group by lead_id")
                .execute(Tuple.of(leadIds.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, Long> sizes = new HashMap<>();
                    rows.forEach(row -> sizes.put(row.getUUID("lead_id"), row.getLong("events")));
                    return sizes;
                });
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
