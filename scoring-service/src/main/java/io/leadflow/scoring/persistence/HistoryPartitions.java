package io.leadflow.scoring.persistence;

import io.leadflow.scoring.domain.HistoryHorizon;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the monthly partitions of the history and the ledger (V12) in step with the calendar: the coming months are
 * created ahead, so counting always writes into a month's own partition, and the months past the history horizon are
 * dropped whole ({@link HistoryHorizon}). At start and then hourly; each instance may run it, the database functions
 * take a lock.
 */
@ApplicationScoped
public class HistoryPartitions {

    private static final Logger LOG = Logger.getLogger(HistoryPartitions.class);

    private final Pool pool;
    private final HistoryHorizon horizon;
    private final Clock clock;
    private final MeterRegistry meters;

    HistoryPartitions(Pool pool, Clock clock, MeterRegistry meters,
            @ConfigProperty(name = "leadflow.scoring.history.horizon-months") int horizonMonths,
            @ConfigProperty(name = "leadflow.scoring.history.months-ahead") int monthsAhead) {
        this.pool = pool;
        this.clock = clock;
        this.meters = meters;
        this.horizon = new HistoryHorizon(horizonMonths, monthsAhead);
    }

    void onStart(@Observes StartupEvent start) {
        onTimer().subscribe().with(done -> { });
    }

    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> onTimer() {
        return maintain().onFailure().invoke(failure -> LOG.warnf("keeping the history's monthly partitions failed, will retry: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Creates the months due and retires those past the configured horizon; answers the partitions dropped. */
    public Uni<List<String>> maintain() {
        return maintain(horizon);
    }

    /** Creates the months due and retires those past {@code horizon}; answers the partitions dropped. */
    public Uni<List<String>> maintain(HistoryHorizon horizon) {
        List<LocalDate> months = horizon.monthsToCreate(clock.instant());
        Uni<Void> created = Multi.createFrom().iterable(months)
                .onItem().transformToUniAndConcatenate(month -> pool.preparedQuery("select history_month($1)").execute(Tuple.of(month)))
                .collect().last().replaceWithVoid();
        return created.flatMap(done -> horizon.cutoff(clock.instant())
                .map(cutoff -> pool.preparedQuery("select retire_history_before($1)").execute(Tuple.of(cutoff))
                        .map(rows -> rows.stream().map(row -> row.getString(0)).toList()))
                .orElse(Uni.createFrom().item(List.of())))
                .invoke(dropped -> {
                    if (!dropped.isEmpty()) {
                        meters.counter("leadflow.history.partitions.retired").increment(dropped.size());
                        LOG.infof("retired the history's partitions past the %d-month horizon: %s", horizon.horizonMonths(), dropped);
                    }
                });
    }
}
