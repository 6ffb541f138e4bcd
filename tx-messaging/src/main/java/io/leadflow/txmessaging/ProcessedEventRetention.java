package io.leadflow.txmessaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Deletes the processed ids that no redelivery can match any more: an event can be delivered again only while its topic
 * still holds it, so an id is kept a margin longer than the retention of the topic its channel reads
 * ({@code leadflow.processed-events.keep}, per channel {@code leadflow.processed-events.keep-by-channel.<channel>}), then
 * swept in bounded chunks on a timer. Without it the table would grow by every event ever consumed.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private static final Logger LOG = Logger.getLogger(ProcessedEventRetention.class);

    /** How long processed ids are kept. */
    @ConfigMapping(prefix = "leadflow.processed-events")
    public interface Keep {

        /** For a channel not named in {@link #keepByChannel()}: longer than the longest retention of the topics read. */
        @WithDefault("P31D")
        Duration keep();

        /** Per channel, longer than the retention of its topic. */
        Map<String, Duration> keepByChannel();

        /** How long {@code channel}'s ids are kept: how long after an event a copy of it is still told apart. */
        default Duration of(String channel) {
            return keepByChannel().getOrDefault(channel, keep());
        }

        /** The most ids one statement deletes. */
        @WithDefault("10000")
        int sweepChunk();

        /** The most chunks one sweep deletes, so a backlog of old ids is worked off over several sweeps. */
        @WithDefault("50")
        int sweepChunks();

        /** How often the sweep runs (read by its timer). */
        @WithDefault("1m")
        String sweepInterval();
    }

    private static final String SWEEP_CHANNEL = "delete from processed_event where event_id in (select event_id from processed_event"
            + " where channel = $1 and processed_at < $2 limit $3)";
    private static final String SWEEP_OTHERS = "delete from processed_event where event_id in (select event_id from processed_event"
            + " where (channel is null or channel <> all($1)) and processed_at < $2 limit $3)";

    private final Pool pool;
    private final Keep keep;
    private final Clock clock;
    private final MeterRegistry meters;

    public ProcessedEventRetention(Pool pool, Keep keep, Clock clock, MeterRegistry meters) {
        this.pool = pool;
        this.keep = keep;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(every = "${leadflow.processed-events.sweep-interval:1m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> onTimer() {
        return sweep().onFailure().invoke(failure -> LOG.warnf("sweeping old processed ids failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes the ids kept past their channel's keep; answers how many (at most a sweep's worth of chunks). */
    public Uni<Long> sweep() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String[] named = keep.keepByChannel().keySet().toArray(String[]::new);
        Uni<Long> swept = chunks(SWEEP_OTHERS, named, now.minus(keep.keep()), 0, 0L);
        for (Map.Entry<String, Duration> channel : keep.keepByChannel().entrySet()) {
            swept = swept.flatMap(before -> chunks(SWEEP_CHANNEL, channel.getKey(), now.minus(channel.getValue()), 0, before));
        }
        return swept.invoke(total -> {
            if (total > 0) {
                meters.counter("leadflow.processed-events.swept").increment(total);
                LOG.debugf("swept %d processed ids past their keep", total);
            }
        });
    }

    private Uni<Long> chunks(String statement, Object channels, OffsetDateTime before, int chunk, long total) {
        if (chunk == keep.sweepChunks()) {
            return Uni.createFrom().item(total);
        }
        return pool.preparedQuery(statement).execute(Tuple.of(channels, before, keep.sweepChunk()))
                .flatMap(rows -> rows.rowCount() < keep.sweepChunk() ? Uni.createFrom().item(total + rows.rowCount())
                        : chunks(statement, channels, before, chunk + 1, total + rows.rowCount()));
    }
}
