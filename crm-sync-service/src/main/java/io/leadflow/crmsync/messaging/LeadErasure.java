package io.leadflow.crmsync.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.CrmAdapter;
import io.leadflow.crmsync.crm.CrmAdapterSelector;
import io.leadflow.crmsync.crm.CrmRetry;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.ErasedLead;
import io.leadflow.crmsync.domain.ErasureOutcome;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.persistence.ErasedKeyRepository;
import io.leadflow.crmsync.persistence.ErasureRecord;
import io.leadflow.crmsync.persistence.Erasures;
import io.leadflow.crmsync.persistence.SyncLedger;
import io.leadflow.crmsync.persistence.SyncRecord;
import io.leadflow.events.LeadErased;
import io.leadflow.txmessaging.Backoff;
import io.leadflow.txmessaging.ProcessOnce;
import io.leadflow.txmessaging.TransientRetry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.vertx.core.ContextAwareScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Erases a lead from every CRM it was written to, then from the ledger. The ledger's entries for
 * the lead's id name the CRMs, the email and the CRM records; each CRM's adapter deletes them
 * (retried like a handoff, within the same budget). Then ONE transaction anonymizes the entries,
 * records one erasure entry per CRM (when, outcome, detail), remembers the lead's keyed hashes (so that
 * no later handoff of the lead is written again, {@link HandoffSync}) and marks the event processed. A
 * redelivery after that finds no entry of the lead and changes nothing; a crash before it repeats
 * the deletes, which the CRMs take as "already gone".
 */
@ApplicationScoped
public class LeadErasure {

    private static final Logger LOG = Logger.getLogger(LeadErasure.class);

    private final SyncLedger ledger;
    private final Erasures erasures;
    private final ErasedKeyRepository erasedKeys;
    private final CrmAdapterSelector adapters;
    private final ProcessOnce processOnce;
    private final CrmConfig.Retry retry;
    private final ObjectMapper json;
    private final Clock clock;

    public LeadErasure(SyncLedger ledger, Erasures erasures, ErasedKeyRepository erasedKeys, CrmAdapterSelector adapters,
            ProcessOnce processOnce, CrmConfig config, ObjectMapper json, Clock clock) {
        this.ledger = ledger;
        this.erasedKeys = erasedKeys;
        this.erasures = erasures;
        this.adapters = adapters;
        this.processOnce = processOnce;
        this.retry = config.retry();
        this.json = json;
        this.clock = clock;
    }

    /** Erases the lead named by the event {@code eventId}; completes once it is recorded (or was already). */
    public Uni<Void> erase(String eventId, LeadErased erased) {
        return TransientRetry.untilSuccess(() -> ledger.forLead(erased.leadId()), failure -> true,
                        failure -> logRetry(eventId, failure), retry.initialBackoff(), retry.maxBackoff())
                .flatMap(entries -> Multi.createFrom().iterable(byTarget(entries).entrySet())
                        .onItem().transformToUniAndConcatenate(target -> eraseIn(target.getKey(), eventId, erased, target.getValue()))
                        .collect().asList())
                .flatMap(outcomes -> processOnce.process(Channels.ERASURE, eventId,
                        () -> ledger.erase(erased.leadId())
                                .flatMap(anonymized -> erasedKeys.record(erased.keyHashes(), erased.erasedAt()))
                                .flatMap(remembered -> erasures.record(outcomes))))
                .invoke(recorded -> LOG.infof("erasure %s of a lead requested by %s recorded (%s)", eventId, erased.requestedBy(),
                        recorded ? "now" : "before"))
                .replaceWithVoid();
    }

    private Uni<ErasureRecord> eraseIn(CrmTarget target, String eventId, LeadErased erased, List<SyncRecord> entries) {
        String leadId = entries.get(0).leadId();
        var adapter = adapters.ifConfigured(target);
        if (adapter.isEmpty()) {
            return Uni.createFrom().item(outcome(eventId, leadId, target, ErasureOutcome.SKIPPED,
                    target.wireName() + " is not configured in this deployment; its records must be deleted by hand", erased));
        }
        ErasedLead lead = new ErasedLead(eventId, leadId, email(entries),
                entries.stream().map(SyncRecord::externalId).filter(Objects::nonNull).distinct().toList());
        return eraseWithRetries(adapter.get(), lead)
                .map(detail -> outcome(eventId, leadId, target, ErasureOutcome.ERASED, detail, erased))
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf("%s did not erase lead %s within the retry budget; an operator must delete it: %s", target.wireName(),
                            leadId, failure.getMessage());
                    // the ledger forgets the record ids with the rest, so the entry keeps them for whoever deletes by hand
                    return outcome(eventId, leadId, target, ErasureOutcome.FAILED, "records " + lead.externalIds() + ": " + failure.getMessage(),
                            erased);
                });
    }

    /** Retries like a handoff's write: jittered backoff, the CRM's requested waits, until done or the budget ({@code max-attempts}) is spent. */
    private Uni<String> eraseWithRetries(CrmAdapter adapter, ErasedLead lead) {
        CrmRetry crmRetry = new CrmRetry(new Backoff(retry.initialBackoff(), retry.maxBackoff()),
                ContextAwareScheduler.delegatingTo(Infrastructure.getDefaultWorkerPool()).withCurrentContext());
        return crmRetry.untilSuccess(() -> adapter.erase(lead), (failure, failures) -> {
            LOG.warnf("%s did not erase lead %s (attempt %d): %s", adapter.target().wireName(), lead.leadId(), failures, failure.getMessage());
            return retry.maxAttempts() > 0 && failures >= retry.maxAttempts()
                    ? Uni.createFrom().failure(failure) : Uni.createFrom().voidItem();
        });
    }

    private ErasureRecord outcome(String eventId, String leadId, CrmTarget target, ErasureOutcome outcome, String detail, LeadErased erased) {
        return new ErasureRecord(eventId, leadId, target, outcome, detail, erased.requestedBy(), clock.instant());
    }

    /** The email the lead was written with (from a recorded request), else its lead key when that is one. */
    private String email(List<SyncRecord> entries) {
        for (SyncRecord entry : entries) {
            if (entry.request() != null) {
                try {
                    String email = json.readValue(entry.request(), LeadUpsert.class).email();
                    if (email != null) {
                        return email;
                    }
                } catch (IOException unreadable) {
                    // an unreadable request says nothing about the email; the key may still
                }
            }
        }
        String leadKey = entries.get(0).leadKey();
        return leadKey.contains("@") && !leadKey.startsWith("anon:") && !leadKey.startsWith("erased:") ? leadKey : null;
    }

    private static Map<CrmTarget, List<SyncRecord>> byTarget(List<SyncRecord> entries) {
        Map<CrmTarget, List<SyncRecord>> byTarget = new LinkedHashMap<>();
        for (SyncRecord entry : entries) {
            byTarget.computeIfAbsent(CrmTarget.ofWireName(entry.target()), unused -> new ArrayList<>()).add(entry);
        }
        return byTarget;
    }

    private Uni<Void> logRetry(String eventId, Throwable failure) {
        LOG.warnf("cannot read the ledger for erasure %s, retrying: %s", eventId, failure.toString());
        return Uni.createFrom().voidItem();
    }
}
