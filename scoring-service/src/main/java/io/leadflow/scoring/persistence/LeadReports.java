package io.leadflow.scoring.persistence;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.Funnel;
import io.leadflow.scoring.domain.StageHistory;
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
    private static final String SOURCE_AND_WEEK = """
            coalesce(lead.traits->>'firstTouchChannel', $3) as source,
            (date_trunc('week', lead.created_at at time zone 'UTC'))::date as week""";
    private static final String LEADS_OF_THE_FUNNEL = "lead.email is not null and lead.created_at >= $1 and lead.created_at < $2";

    private static final String FUNNEL = """
            select %s, stage, count(*) as leads, count(*) filter (where qualifications > 0) as qualified
            from lead
            where %s
            group by 1, 2, 3""".formatted(SOURCE_AND_WEEK, LEADS_OF_THE_FUNNEL);

    // each lead's changes in the order they happened
    private static final String STAGE_CHANGES = """
            select %s, lead.id, lead.created_at, stage_change.from_stage, stage_change.to_stage, stage_change.changed_at
            from stage_change join lead on lead.id = stage_change.lead_id
            where %s
            order by lead.id, stage_change.changed_at, stage_change.seq""".formatted(SOURCE_AND_WEEK, LEADS_OF_THE_FUNNEL);

    private final Pool pool;

    public LeadReports(Pool pool) {
        this.pool = pool;
    }

    /** The counts of leads first seen in [from, to). */
    public Uni<List<Funnel.Count>> funnel(Instant from, Instant to) {
        return pool.preparedQuery(FUNNEL).execute(window(from, to))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> new Funnel.Count(row.getString("source"), row.getLocalDate("week"),
                                LifecycleStage.valueOf(row.getString("stage")), row.getLong("leads"), row.getLong("qualified")))
                        .toList());
    }

    /** The recorded stage changes of the leads first seen in [from, to), each lead's in the order they happened. */
    public Uni<List<Funnel.Change>> stageChanges(Instant from, Instant to) {
        return pool.preparedQuery(STAGE_CHANGES).execute(window(from, to))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> new Funnel.Change(row.getString("source"), row.getLocalDate("week"), row.getUUID("id"),
                                row.getOffsetDateTime("created_at").toInstant(),
                                new StageHistory.Change(LifecycleStage.valueOf(row.getString("from_stage")),
                                        LifecycleStage.valueOf(row.getString("to_stage")),
                                        row.getOffsetDateTime("changed_at").toInstant(), null, null)))
                        .toList());
    }

    private static Tuple window(Instant from, Instant to) {
        return Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), Funnel.UNATTRIBUTED);
    }
}
