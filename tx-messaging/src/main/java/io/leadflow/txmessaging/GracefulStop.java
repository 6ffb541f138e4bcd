package io.leadflow.txmessaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Ends the work that needs the database before Quarkus closes its pool. Left alone, the pool closes first and the
 * Kafka connector's consumers close last: the transactions of polled batches failed, retried a closed pool, and each
 * consumer waited its closing timeout for them in turn, so a busy instance outlived its grace period and was killed.
 * Here the batches in their transaction end, then the relay publishes what they wrote; batches polled meanwhile are left
 * unacknowledged, for the partitions' next owner. scoring and handoff, whose every consumer goes through
 * {@link ProcessOnce}, set {@code graceful-shutdown=false} on their incoming channels, so the consumers then commit what
 * was processed and close at once instead of waiting for those batches.
 */
@ApplicationScoped
class GracefulStop {

    private static final Logger LOG = Logger.getLogger(GracefulStop.class);

    private final ProcessOnce batches;
    private final OutboxRelay relay;
    private final Duration patience;

    GracefulStop(ProcessOnce batches, OutboxRelay relay,
            @ConfigProperty(name = "leadflow.shutdown.drain-timeout", defaultValue = "PT10S") Duration patience) {
        this.batches = batches;
        this.relay = relay;
        this.patience = patience;
    }

    // ShutdownEvent observers run before the shutdown tasks that close the pool and destroy the connector
    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        long started = System.nanoTime();
        int batchesLeft = batches.stop(patience);
        Duration rest = patience.minusNanos(System.nanoTime() - started);
        int passesLeft = relay.stop(rest.isNegative() ? Duration.ZERO : rest);
        long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (batchesLeft + passesLeft == 0) {
            LOG.infof("stopping: the batches in their transaction and the outbox relay ended in %d ms", took);
        } else {
            LOG.warnf("stopping: %d batch(es) and %d relay pass(es) still running after %d ms; their records come again"
                    + " to the partitions' next owner, their outbox rows stay for the next relay pass", batchesLeft, passesLeft,
                    took);
        }
    }
}
