package io.leadflow.crmsync.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.CrmAdapter;
import io.leadflow.crmsync.domain.ConsumedHandoff;
import io.leadflow.crmsync.domain.CrmReceipt;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.domain.RetryBudget;
import io.leadflow.crmsync.persistence.SyncLedger;
import io.leadflow.events.CrmSynced;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.Topics;
import io.leadflow.txmessaging.Outbox;
import io.leadflow.txmessaging.ProcessOnce;
import io.leadflow.txmessaging.TransientRetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.vertx.core.ContextAwareScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Records what became of each handoff the CRM was asked to take, in the ledger, one row per
 * handoff. Taken: one transaction marks the ledger SYNCED, records the event id as processed and
 * adds {@code crm.synced.v1} to the outbox. Not taken: the attempt and the error are counted; once
 * the retry budget is spent the handoff goes to {@code leadflow.crm-sync.v1.dlq} (acknowledged by
 * the broker first) and then one transaction marks it FAILED with its event id processed.
 */
@ApplicationScoped
public class SyncRecorder {

    private static final Logger LOG = Logger.getLogger(SyncRecorder.class);
    private static final String SYNCS_COUNTER = "leadflow.crm.syncs";

    private final SyncLedger ledger;
    private final CrmAdapter crm;
    private final ProcessOnce processOnce;
    private final Outbox outbox;
    private final CrmDeadLetters deadLetters;
    private final RetryBudget budget;
    private final CrmConfig.Retry retry;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    public SyncRecorder(SyncLedger ledger, CrmAdapter crm, ProcessOnce processOnce, Outbox outbox, CrmDeadLetters deadLetters,
            CrmConfig config, ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.ledger = ledger;
        this.crm = crm;
        this.processOnce = processOnce;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.budget = new RetryBudget(config.retry().maxAttempts());
        this.retry = config.retry();
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Announces a CRM write that succeeded: ledger SYNCED and the {@code crm.synced.v1} outbox row; runs
     * in the caller's transaction.
     */
    public Uni<Void> recordSync(LeadUpsert lead, CrmReceipt receipt) {
        String target = crm.target().wireName();
        CrmSynced synced = new CrmSynced(lead.handoffId(), lead.leadId(), lead.leadKey(), target, receipt.externalId(),
                receipt.acceptedAt());
        return ledger.recordSuccess(lead, crm.target(), receipt)
                .flatMap(recorded -> outbox.add(Topics.CRM_SYNC, lead.leadKey(), DeterministicIds.of(lead.handoffId(), target),
                        CrmSynced.TYPE, synced));
    }

    /** The CRM took the handoff: recorded once, whatever redeliveries come (the event id is processed in the same transaction). */
    Uni<Void> accepted(ConsumedHandoff handoff, CrmReceipt receipt) {
        return processOnce.process(Channels.HANDOFFS, handoff.eventId(), () -> recordSync(handoff.lead(), receipt))
                .invoke(recorded -> {
                    if (recorded) {
                        count("succeeded", 1);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The CRM did not take the handoff: counts the attempt in the ledger (so across restarts) and, once
     * that spends the retry budget, gives the handoff up.
     *
     * @param failuresThisDelivery the failures counted since the handoff was consumed: they stand in when the ledger is down
     * @return true when the handoff was given up (dead-lettered and FAILED), false when it is to be tried again
     */
    Uni<Boolean> failed(ConsumedHandoff handoff, String error, int failuresThisDelivery) {
        count("failed", 1);
        LeadUpsert lead = handoff.lead();
        String request = serialize(lead);
        return ledger.recordFailure(lead, crm.target(), request, error, clock.instant())
                .invoke(attempts -> LOG.warnf("%s did not take handoff %s (attempt %d): %s", crm.target().wireName(), lead.handoffId(),
                        attempts, error))
                .onFailure().invoke(ledgerDown -> LOG.warnf("%s did not take handoff %s; recording the failure failed too: %s",
                        crm.target().wireName(), lead.handoffId(), ledgerDown.toString()))
                .onFailure().recoverWithItem(failuresThisDelivery)
                .flatMap(attempts -> {
                    int spent = Math.max(attempts, failuresThisDelivery);
                    return budget.isSpentAfter(spent) ? giveUp(handoff, request, error, spent).replaceWith(true)
                            : Uni.createFrom().item(false);
                });
    }

    /** Handoffs of a poll that were not sent: the ledger had settled them before, or the poll repeated them. */
    void skipped(int handoffs) {
        if (handoffs > 0) {
            LOG.debugf("%d handoffs of the poll were settled before or repeated in it; not sent again", handoffs);
            count("skipped", handoffs);
        }
    }

    /** Dead-letters the handoff (acknowledged by the broker first), then marks it FAILED with the event id processed. */
    private Uni<Void> giveUp(ConsumedHandoff handoff, String request, String error, int attempts) {
        String target = crm.target().wireName();
        LeadUpsert lead = handoff.lead();
        LOG.errorf("%s did not take handoff %s after %d attempts; sending it to %s for an operator: %s", target, lead.handoffId(),
                attempts, Topics.deadLetter(Topics.CRM_SYNC), error);
        count("dead-lettered", 1);
        // the broker's acknowledgement may complete elsewhere; the transaction (and the handoffs after this one) stay on this context
        Executor onThisContext = ContextAwareScheduler.delegatingTo(Infrastructure.getDefaultWorkerPool()).withCurrentContext();
        return TransientRetry.untilSuccess(
                        () -> deadLetters.send(handoff.eventId(), lead.leadKey(), handoff.payload(), error, attempts, target),
                        failure -> true, failure -> logDeadLetterFailure(lead, failure), retry.initialBackoff(), retry.maxBackoff())
                .emitOn(onThisContext)
                .flatMap(sent -> processOnce.process(Channels.HANDOFFS, handoff.eventId(),
                        () -> ledger.recordGaveUp(lead, crm.target(), request, clock.instant())))
                .replaceWithVoid();
    }

    private Uni<Void> logDeadLetterFailure(LeadUpsert lead, Throwable failure) {
        LOG.warnf("cannot dead-letter handoff %s, retrying: %s", lead.handoffId(), failure.toString());
        return Uni.createFrom().voidItem();
    }

    private void count(String outcome, int handoffs) {
        meters.counter(SYNCS_COUNTER, "target", crm.target().wireName(), "outcome", outcome).increment(handoffs);
    }

    private String serialize(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
