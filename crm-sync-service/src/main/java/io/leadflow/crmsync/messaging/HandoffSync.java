package io.leadflow.crmsync.messaging;

import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.CrmAdapter;
import io.leadflow.crmsync.crm.CrmCallException;
import io.leadflow.crmsync.crm.CrmRetry;
import io.leadflow.crmsync.domain.ChunkOutcomes;
import io.leadflow.crmsync.domain.ConsumedHandoff;
import io.leadflow.crmsync.domain.SyncPlan;
import io.leadflow.crmsync.domain.UpsertOutcome;
import io.leadflow.crmsync.persistence.ErasedKeyRepository;
import io.leadflow.crmsync.persistence.SyncLedger;
import io.leadflow.txmessaging.Backoff;
import io.leadflow.txmessaging.TransientRetry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.vertx.core.ContextAwareScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Writes the handoffs of one poll to the CRM, one call per chunk of the CRM's batch size, and
 * completes once every one is settled. Handoffs the ledger settled before are skipped; the rest go
 * in rounds planned by {@link SyncPlan} (per-lead order, no email twice in a call). Each handoff's
 * outcome is recorded on its own by {@link SyncRecorder}: one the CRM rejected does not fail its
 * chunk. While handoffs are left that the CRM did not take, the next round follows after a backoff
 * with jitter, never sooner than the CRM asked ({@link CrmRetry}); a failed call (no answer, 429,
 * 5xx) ends its round, since the next call would meet the same CRM. The CRM calls run outside any
 * transaction; a crash between a call and its record repeats the call once after redelivery, which
 * the CRM absorbs (an upsert keyed by email or lead id, the webhook's idempotency key). A handoff whose lead was
 * erased after it was made is never written: it is an old record (replayed, late, or a dead letter retried, which
 * comes back through this same intake).
 */
@ApplicationScoped
public class HandoffSync {

    private static final Logger LOG = Logger.getLogger(HandoffSync.class);

    private final SyncLedger ledger;
    private final CrmAdapter crm;
    private final SyncRecorder recorder;
    private final CrmConfig.Retry retry;
    private final CrmCallSpans spans;
    private final ErasedKeyRepository erasedKeys;

    public HandoffSync(SyncLedger ledger, CrmAdapter crm, SyncRecorder recorder, CrmConfig config, CrmCallSpans spans,
            ErasedKeyRepository erasedKeys) {
        this.ledger = ledger;
        this.erasedKeys = erasedKeys;
        this.crm = crm;
        this.recorder = recorder;
        this.retry = config.retry();
        this.spans = spans;
    }

    /** Completes once each polled handoff is synced, was settled before, or was given up after its retry budget. */
    public Uni<Void> sync(List<ConsumedHandoff> polled) {
        List<String> handoffIds = polled.stream().map(ConsumedHandoff::handoffId).toList();
        return TransientRetry.untilSuccess(() -> ledger.settledAmong(handoffIds).flatMap(settled -> erasedKeys.erasedAmong(polled)
                                .invoke(erased -> erased.forEach(id -> LOG.infof("handoff %s is of a lead erased since: not written", id)))
                                .map(erased -> union(settled, erased))),
                        failure -> true, this::logLedgerFailure, retry.initialBackoff(), retry.maxBackoff())
                .flatMap(settled -> {
                    Delivery delivery = new Delivery(SyncPlan.toWrite(polled, settled));
                    recorder.skipped(polled.size() - delivery.pending.size());
                    return delivery.pending.isEmpty() ? Uni.createFrom().voidItem()
                            : crmRetry().untilSuccess(() -> round(delivery), (failure, rounds) -> logRoundFailure(delivery, rounds));
                });
    }

    /** One round of calls; fails (for {@link CrmRetry} to wait and go again) while the CRM has not taken every handoff. */
    private Uni<Void> round(Delivery delivery) {
        delivery.startRound();
        return sendFrom(SyncPlan.nextRound(delivery.pending, crm.batchSize()), 0, delivery).flatMap(sent -> {
            if (delivery.pending.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            if (delivery.failedThisRound) {
                return Uni.createFrom().failure(delivery.roundFailure());
            }
            // all taken: what is left waited behind an earlier handoff of its lead or email
            return round(delivery);
        });
    }

    private Uni<Void> sendFrom(List<List<ConsumedHandoff>> chunks, int next, Delivery delivery) {
        if (next == chunks.size() || delivery.callFailure != null) {
            return Uni.createFrom().voidItem();
        }
        return send(chunks.get(next), delivery).flatMap(sent -> sendFrom(chunks, next + 1, delivery));
    }

    /** One CRM call for the chunk, then each handoff's outcome recorded, in order. */
    private Uni<Void> send(List<ConsumedHandoff> chunk, Delivery delivery) {
        return spans.upsert(crm.target(), chunk, () -> crm.upsertAll(chunk.stream().map(ConsumedHandoff::lead).toList()))
                .map(answered -> ChunkOutcomes.match(chunk, answered))
                .onFailure().recoverWithItem(failure -> {
                    delivery.callFailure = failure;
                    return ChunkOutcomes.callFailed(chunk, reason(failure));
                })
                .flatMap(outcomes -> Multi.createFrom().range(0, chunk.size())
                        .onItem().transformToUniAndConcatenate(i -> settle(chunk.get(i), outcomes.get(i), delivery))
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> settle(ConsumedHandoff handoff, UpsertOutcome outcome, Delivery delivery) {
        if (outcome.isAccepted()) {
            return recorder.accepted(handoff, outcome.receipt()).invoke(() -> delivery.pending.remove(handoff));
        }
        delivery.failedThisRound = true;
        int failures = delivery.failuresByHandoff.merge(handoff.handoffId(), 1, Integer::sum);
        return recorder.failed(handoff, outcome.error(), failures).invoke(givenUp -> {
            if (givenUp) {
                delivery.pending.remove(handoff);
            }
        }).replaceWithVoid();
    }

    /** Backoff with jitter between rounds, resuming on the caller's Vert.x context (Hibernate Reactive needs that). */
    private CrmRetry crmRetry() {
        return new CrmRetry(new Backoff(retry.initialBackoff(), retry.maxBackoff()),
                ContextAwareScheduler.delegatingTo(Infrastructure.getDefaultWorkerPool()).withCurrentContext());
    }

    private Uni<Void> logRoundFailure(Delivery delivery, int rounds) {
        LOG.debugf("%s has not taken %d handoffs after %d failed rounds; trying again after a backoff", crm.target().wireName(),
                delivery.pending.size(), rounds);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> logLedgerFailure(Throwable failure) {
        LOG.warnf("cannot read the ledger, retrying: %s", failure.toString());
        return Uni.createFrom().voidItem();
    }

    // settled before, or erased since: either way not written
    private static Set<String> union(Set<String> settled, Set<String> erased) {
        Set<String> skipped = new HashSet<>(settled);
        skipped.addAll(erased);
        return skipped;
    }

    private static String reason(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }

    /** The handoffs of one poll not settled yet, and what failed in the current round. */
    private static final class Delivery {

        private final List<ConsumedHandoff> pending;
        private final Map<String, Integer> failuresByHandoff = new HashMap<>();
        private Throwable callFailure;
        private boolean failedThisRound;

        Delivery(List<ConsumedHandoff> toWrite) {
            this.pending = new ArrayList<>(toWrite);
        }

        void startRound() {
            callFailure = null;
            failedThisRound = false;
        }

        /** What the backoff is told: the failed call itself (it carries the wait the CRM asked for), or that handoffs were rejected. */
        CrmCallException roundFailure() {
            if (callFailure instanceof CrmCallException crmFailure) {
                return crmFailure;
            }
            return new CrmCallException(pending.size() + " handoffs not taken yet" + (callFailure == null ? "" : ": " + reason(callFailure)));
        }
    }
}
