package io.leadflow.crmsync.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.CrmAdapter;
import io.leadflow.crmsync.crm.CrmRetry;
import io.leadflow.crmsync.crm.RetryBudgetSpentException;
import io.leadflow.crmsync.domain.Backoff;
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
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.vertx.core.ContextAwareScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Writes a handoff to the CRM once. The ledger is checked first, so a handoff already SYNCED is not
 * sent again; the CRM call runs outside any transaction and is retried (backoff with jitter, never
 * sooner than the CRM asks) until the CRM takes the lead; then one transaction marks the ledger
 * SYNCED, records the event id and adds the {@code crm.synced.v1} event to the outbox. A crash
 * between the call and that commit repeats the call once, which the CRM absorbs: the webhook by its
 * idempotency key, HubSpot and Salesforce because the write is an upsert keyed by email / lead id.
 * With a retry budget ({@code leadflow.crm.retry.max-attempts}), a handoff that spends it goes to
 * {@code leadflow.crm-sync.v1.dlq} and is marked FAILED, and the partition moves on.
 */
@ApplicationScoped
public class HandoffSync {

    private static final Logger LOG = Logger.getLogger(HandoffSync.class);
    private static final String SYNCS_COUNTER = "leadflow.crm.syncs";

    private final SyncLedger ledger;
    private final CrmAdapter crm;
    private final ProcessOnce processOnce;
    private final Outbox outbox;
    private final CrmDeadLetters deadLetters;
    private final CrmConfig.Retry retry;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    public HandoffSync(SyncLedger ledger, CrmAdapter crm, ProcessOnce processOnce, Outbox outbox, CrmDeadLetters deadLetters,
            CrmConfig config, ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.ledger = ledger;
        this.crm = crm;
        this.processOnce = processOnce;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.retry = config.retry();
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /** Syncs the handoff carried by the event {@code eventId}; completes once it is recorded (or was already). */
    public Uni<Void> sync(String eventId, HandoffCreated handoff) {
        LeadUpsert lead = LeadUpsert.of(handoff);
        return untilItWorks(() -> ledger.isSynced(lead.handoffId()), failure -> logLedgerFailure(lead, failure))
                .flatMap(synced -> synced ? alreadySynced(eventId, lead) : upsertAndRecord(eventId, handoff, lead));
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

    private Uni<Void> alreadySynced(String eventId, LeadUpsert lead) {
        LOG.debugf("handoff %s (event %s) is already in the CRM, not sending it again", lead.handoffId(), eventId);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> upsertAndRecord(String eventId, HandoffCreated handoff, LeadUpsert lead) {
        String request = serialize(lead);
        return crmRetry().untilSuccess(() -> crm.upsert(lead), (failure, failures) -> recordFailure(lead, request, failure, failures))
                .flatMap(receipt -> processOnce.process(Channels.HANDOFFS, eventId, () -> recordSync(lead, receipt)))
                .invoke(recorded -> {
                    if (recorded) {
                        meters.counter(SYNCS_COUNTER, "target", crm.target().wireName(), "outcome", "succeeded").increment();
                    }
                })
                .replaceWithVoid()
                .onFailure(RetryBudgetSpentException.class)
                .recoverWithUni(spent -> giveUp(eventId, handoff, lead, request, (RetryBudgetSpentException) spent));
    }

    /** Dead-letters the handoff (acknowledged by the broker first), then marks it FAILED with the event id processed. */
    private Uni<Void> giveUp(String eventId, HandoffCreated handoff, LeadUpsert lead, String request, RetryBudgetSpentException spent) {
        String target = crm.target().wireName();
        LOG.errorf("%s did not take handoff %s after %d attempts; sending it to %s for an operator: %s", target, lead.handoffId(),
                spent.attempts(), Topics.deadLetter(Topics.CRM_SYNC), spent.getMessage());
        meters.counter(SYNCS_COUNTER, "target", target, "outcome", "dead-lettered").increment();
        return untilItWorks(() -> deadLetters.send(eventId, lead.leadKey(), serialize(handoff), spent.getMessage(), spent.attempts(), target),
                        failure -> logDeadLetterFailure(lead, failure))
                .flatMap(sent -> processOnce.process(Channels.HANDOFFS, eventId,
                        () -> ledger.recordGaveUp(lead, crm.target(), request, clock.instant())))
                .replaceWithVoid();
    }

    /** Counts the failure in the ledger; fails with {@link RetryBudgetSpentException} once the budget is spent. */
    private Uni<Void> recordFailure(LeadUpsert lead, String request, Throwable failure, int failuresThisDelivery) {
        meters.counter(SYNCS_COUNTER, "target", crm.target().wireName(), "outcome", "failed").increment();
        return ledger.recordFailure(lead, crm.target(), request, failure.getMessage(), clock.instant())
                .invoke(attempts -> LOG.warnf("%s did not take handoff %s (attempt %d): %s",
                        crm.target().wireName(), lead.handoffId(), attempts, failure.getMessage()))
                .onFailure().invoke(ledgerDown -> LOG.warnf("%s did not take handoff %s; recording the failure failed too: %s",
                        crm.target().wireName(), lead.handoffId(), ledgerDown.toString()))
                .onFailure().recoverWithItem(failuresThisDelivery)
                .flatMap(attempts -> {
                    // the ledger's count survives restarts; the count of this delivery stands in when the ledger is down
                    int spent = Math.max(attempts, failuresThisDelivery);
                    return retry.maxAttempts() > 0 && spent >= retry.maxAttempts()
                            ? Uni.createFrom().failure(new RetryBudgetSpentException(failure, spent))
                            : Uni.createFrom().voidItem();
                });
    }

    /** Retries CRM calls with jittered exponential backoff, honouring the waits the CRM asks for, on the caller's Vert.x context. */
    private CrmRetry crmRetry() {
        return new CrmRetry(new Backoff(retry.initialBackoff(), retry.maxBackoff()),
                ContextAwareScheduler.delegatingTo(Infrastructure.getDefaultWorkerPool()).withCurrentContext());
    }

    /** Retries a ledger read or a dead-letter send for as long as it fails: the handoff waits, it is never lost. */
    private <T> Uni<T> untilItWorks(Supplier<Uni<? extends T>> attempt, Function<Throwable, Uni<Void>> afterFailure) {
        return TransientRetry.untilSuccess(attempt, failure -> true, afterFailure, retry.initialBackoff(), retry.maxBackoff());
    }

    private Uni<Void> logLedgerFailure(LeadUpsert lead, Throwable failure) {
        LOG.warnf("cannot read the ledger entry of handoff %s, retrying: %s", lead.handoffId(), failure.toString());
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> logDeadLetterFailure(LeadUpsert lead, Throwable failure) {
        LOG.warnf("cannot dead-letter handoff %s, retrying: %s", lead.handoffId(), failure.toString());
        return Uni.createFrom().voidItem();
    }

    private String serialize(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
