package io.leadflow.handoff.messaging;

import io.leadflow.handoff.config.HandoffConfig;
import io.leadflow.handoff.persistence.HandoffRepository;
import io.leadflow.handoff.persistence.RoutingDocumentRepository;
import io.leadflow.txmessaging.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The SLA timer. Due times live in the handoff rows, not in memory, so a restarted or another
 * instance fires whatever came due meanwhile; each pass locks the rows it takes with
 * {@code FOR UPDATE SKIP LOCKED}, so instances share the work without firing anything twice.
 */
@ApplicationScoped
public class SlaTimer {

    private static final Logger LOG = Logger.getLogger(SlaTimer.class);

    private static final String DUE = """
            select id from handoff
            where status = 'OFFERED' and sla_breached_at is null
              and (sla_due_at <= :now or (sla_reminded_at is null and sla_remind_at <= :now))
            order by sla_due_at
            limit :batch
            for update skip locked""";

    private final HandoffRepository handoffs;
    private final RoutingDocumentRepository documents;
    private final SlaEscalations escalations;
    private final OutboxRelay relay;
    private final HandoffConfig config;
    private final Clock clock;

    public SlaTimer(HandoffRepository handoffs, RoutingDocumentRepository documents, SlaEscalations escalations,
            OutboxRelay relay, HandoffConfig config, Clock clock) {
        this.handoffs = handoffs;
        this.documents = documents;
        this.escalations = escalations;
        this.relay = relay;
        this.config = config;
        this.clock = clock;
    }

    // not while starting or stopping: the pool may not be open
    @Scheduled(every = "${leadflow.handoff.sla-poll-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return pass()
                .invoke(fired -> {
                    if (fired > 0) {
                        relay.kick();
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("SLA timer pass failed, the next pass retries: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass: handles the handoffs whose reminder or due time has come; the item is how many. */
    public Uni<Integer> pass() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(DUE, UUID.class)
                        .setParameter("now", now)
                        .setParameter("batch", config.slaBatchSize())
                        .getResultList())
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(0) : handle(ids, now)));
    }

    private Uni<Integer> handle(List<UUID> ids, Instant now) {
        return documents.current().flatMap(document -> Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> handoffs.findById(id)
                        .flatMap(handoff -> escalations.handle(handoff, document, now)))
                .collect().asList()
                .map(List::size));
    }
}
