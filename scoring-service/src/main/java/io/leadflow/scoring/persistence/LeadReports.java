package io.leadflow.scoring.persistence;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.Funnel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;

/** Counts of known leads for the funnel report, grouped in the database so a large store answers at once. */
@ApplicationScoped
public class LeadReports {

    // weeks start on Monday, in UTC; anonymous visitors (no email) are not leads of the funnel yet
    private static final String FUNNEL = """
            select coalesce(traits->>'firstTouchChannel', $3) as source,
                   (date_trunc('week', created_at at time zone 'UTC'))::date as week,
                   stage, count(*) as leads, count(*) filter (where qualifications > 0) as qualified
            from lead
            where email is not null and created_at >= $1 and created_at < $2
            group by 1, 2, 3""";

    private final Pool pool;

    public LeadReports(Pool pool) {
        this.pool = pool;
    }

    /** The counts of leads first seen in [from, to). */
    public Uni<List<Funnel.Count>> funnel(Instant from, Instant to) {
        return pool.preparedQuery(FUNNEL)
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), Funnel.UNATTRIBUTED))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> new Funnel.Count(row.getString("source"), row.getLocalDate("week"),
                                LifecycleStage.valueOf(row.getString("stage")), row.getLong("leads"), row.getLong("qualified")))
                        .toList());
    }
}
