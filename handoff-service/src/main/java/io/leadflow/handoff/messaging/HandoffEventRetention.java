package io.leadflow.handoff.messaging;

import io.leadflow.handoff.config.HandoffConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Deletes handoff events older than {@code leadflow.handoff.event-retention} (and their webhook
 * deliveries with them), except those a webhook still has to deliver. The topic and the handoff
 * rows keep the history; this table only feeds deliveries and live streams.
 */
@ApplicationScoped
public class HandoffEventRetention {

    private static final Logger LOG = Logger.getLogger(HandoffEventRetention.class);

    // records the last position deleted, so that a stream resumed from before it says it lost events
    private static final String PRUNE = """
            with pruned as (
                delete from handoff_event e
                where e.created_at < $1
                  and not exists (select 1 from webhook_delivery d where d.event_id = e.event_id and d.status = 'PENDING')
                returning e.position),
            marked as (
                update handoff_event_mark set position = greatest(position, (select max(position) from pruned))
                where name = 'pruned')
            select count(*) as pruned from pruned""";

    private final Pool pool;
    private final HandoffConfig config;
    private final Clock clock;

    public HandoffEventRetention(Pool pool, HandoffConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return prune()
                .invoke(count -> LOG.debugf("pruned %d handoff events past retention", count))
                .onFailure().invoke(failure -> LOG.warnf("pruning handoff events failed, the next run retries: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes what is past retention; the item is how many events. */
    public Uni<Integer> prune() {
        return pool.preparedQuery(PRUNE)
                .execute(Tuple.of(clock.instant().minus(config.eventRetention()).atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong("pruned").intValue());
    }
}
