package io.leadflow.crmsync.messaging;

import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.CrmAdapter;
import io.leadflow.crmsync.domain.CrmReceipt;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.persistence.SyncLedger;
import io.leadflow.events.CrmSynced;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.Topics;
import io.leadflow.txmessaging.Outbox;
import io.leadflow.txmessaging.ProcessOnce;
import io.leadflow.txmessaging.TransientRetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Writes a handoff to the CRM once. The ledger is checked first, so a handoff already SYNCED is not
 * sent again; the CRM call runs outside any transaction and is retried until the CRM takes the lead;
 * then one transaction marks the ledger SYNCED, records the event id and adds the
 * {@code crm.synced.v1} event to the outbox. A crash between the call and that commit repeats the
 * call once, which the receiver drops by its idempotency key (the handoff id).
 */
@ApplicationScoped
public class HandoffSync {

    private static final Logger LOG = Logger.getLogger(HandoffSync.class);
    private static final String SYNCS_COUNTER = "leadflow.crm.syncs";

    private final SyncLedger ledger;
    private final CrmAdapter crm;
    private final ProcessOnce processOnce;
    private final Outbox outbox;
    private final CrmConfig.Retry retry;
    private final Clock clock;
    private final MeterRegistry meters;

    public HandoffSync(SyncLedger ledger, CrmAdapter crm, ProcessOnce processOnce, Outbox outbox, CrmConfig config,
            Clock clock, MeterRegistry meters) {
        this.ledger = ledger;
        this.crm = crm;
        this.processOnce = processOnce;
        this.outbox = outbox;
        this.retry = config.retry();
        this.clock = clock;
        this.meters = meters;
    }

    /** Syncs the handoff carried by the event {@code eventId}; completes once it is recorded (or was already). */
    public Uni<Void> sync(String eventId, HandoffCreated handoff) {
        LeadUpsert lead = LeadUpsert.of(handoff);
        return untilItWorks(() -> ledger.isSynced(lead.handoffId()), failure -> logLedgerFailure(lead, failure))
                .flatMap(synced -> synced ? alreadySynced(eventId, lead) : upsertAndRecord(eventId, lead));
    }

    private Uni<Void> alreadySynced(String eventId, LeadUpsert lead) {
        LOG.debugf("handoff %s (event %s) is already in the CRM, not sending it again", lead.handoffId(), eventId);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> upsertAndRecord(String eventId, LeadUpsert lead) {
        return untilItWorks(() -> crm.upsert(lead), failure -> recordFailure(lead, failure))
                .flatMap(receipt -> processOnce.process(Channels.HANDOFFS, eventId, () -> recordSync(lead, receipt)))
                .invoke(recorded -> {
                    if (recorded) {
                        meters.counter(SYNCS_COUNTER, "target", crm.target().wireName(), "outcome", "succeeded").increment();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> recordSync(LeadUpsert lead, CrmReceipt receipt) {
        String target = crm.target().wireName();
        CrmSynced synced = new CrmSynced(lead.handoffId(), lead.leadId(), lead.leadKey(), target, receipt.externalId(),
                receipt.acceptedAt());
        return ledger.recordSuccess(lead, crm.target(), receipt)
                .flatMap(recorded -> outbox.add(Topics.CRM_SYNC, lead.leadKey(), DeterministicIds.of(lead.handoffId(), target),
                        CrmSynced.TYPE, synced));
    }

    private Uni<Void> recordFailure(LeadUpsert lead, Throwable failure) {
        meters.counter(SYNCS_COUNTER, "target", crm.target().wireName(), "outcome", "failed").increment();
        return ledger.recordFailure(lead, crm.target(), failure.getMessage(), clock.instant())
                .invoke(attempts -> LOG.warnf("%s did not take handoff %s (attempt %d), retrying: %s",
                        crm.target().wireName(), lead.handoffId(), attempts, failure.getMessage()))
                .onFailure().invoke(ledgerDown -> LOG.warnf("%s did not take handoff %s, retrying; recording the failure failed too: %s",
                        crm.target().wireName(), lead.handoffId(), ledgerDown.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Retries a CRM call or a ledger read for as long as it fails: the handoff waits, it is never dead-lettered. */
    private <T> Uni<T> untilItWorks(Supplier<Uni<? extends T>> attempt, Function<Throwable, Uni<Void>> afterFailure) {
        return TransientRetry.untilSuccess(attempt, failure -> true, afterFailure, retry.initialBackoff(), retry.maxBackoff());
    }

    private Uni<Void> logLedgerFailure(LeadUpsert lead, Throwable failure) {
        LOG.warnf("cannot read the ledger entry of handoff %s, retrying: %s", lead.handoffId(), failure.toString());
        return Uni.createFrom().voidItem();
    }
}
