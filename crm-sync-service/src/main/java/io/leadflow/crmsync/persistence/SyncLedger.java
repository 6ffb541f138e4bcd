package io.leadflow.crmsync.persistence;

import io.leadflow.crmsync.domain.CrmReceipt;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.domain.SyncStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The sync ledger: one {@link SyncRecord} per handoff. */
@ApplicationScoped
public class SyncLedger implements PanacheRepositoryBase<SyncRecord, String> {

    /** Those of {@code handoffIds} that are settled: SYNCED, or FAILED (dead-lettered; only an operator retries them). */
    @WithSession
    public Uni<Set<String>> settledAmong(Collection<String> handoffIds) {
        if (handoffIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return list("handoffId in ?1 and status in ?2", handoffIds, List.of(SyncStatus.SYNCED, SyncStatus.FAILED))
                .map(records -> records.stream().map(SyncRecord::handoffId).collect(Collectors.toSet()));
    }

    @WithSession
    public Uni<SyncRecord> find(String handoffId) {
        return findById(handoffId);
    }

    /** Counts a failed attempt, in a transaction of its own; answers the number of attempts so far. */
    @WithTransaction
    public Uni<Integer> recordFailure(LeadUpsert lead, CrmTarget target, String request, String error, Instant at) {
        return update(lead, target, request, record -> record.attemptFailed(error, at)).map(SyncRecord::attempts);
    }

    /** Marks the handoff FAILED (retry budget spent); runs in the caller's transaction. */
    public Uni<Void> recordGaveUp(LeadUpsert lead, CrmTarget target, String request, Instant at) {
        return update(lead, target, request, record -> record.gaveUp(at)).replaceWithVoid();
    }

    /** Counts an operator's retry that failed: the handoff stays FAILED, with the new error. */
    @WithTransaction
    public Uni<Void> recordRetryFailed(LeadUpsert lead, CrmTarget target, String error, Instant at) {
        return update(lead, target, null, record -> {
            record.attemptFailed(error, at);
            record.gaveUp(at);
        }).replaceWithVoid();
    }

    /** Marks the handoff synced; runs in the caller's transaction, with the processed event id and the outbox row. */
    public Uni<Void> recordSuccess(LeadUpsert lead, CrmTarget target, CrmReceipt receipt) {
        return update(lead, target, null, record -> record.attemptSucceeded(receipt)).replaceWithVoid();
    }

    /** The latest entry that wrote the CRM record {@code externalId} of {@code target}, or null. */
    @WithSession
    public Uni<SyncRecord> latestWithExternalId(CrmTarget target, String externalId) {
        return find("target = ?1 and externalId = ?2", Sort.descending("updatedAt"), target.wireName(), externalId).firstResult();
    }

    /** Anonymizes every entry of the lead with this id (the id an erasure names); runs in the caller's transaction. */
    public Uni<Void> erase(String leadId) {
        return list("leadId", leadId).invoke(records -> records.forEach(SyncRecord::erase)).replaceWithVoid();
    }

    /** A lead's entries, oldest first; none for an unknown lead. */
    @WithSession
    public Uni<List<SyncRecord>> forLead(String leadId) {
        return list("leadId", Sort.by("updatedAt").and("handoffId"), leadId);
    }

    /** Applies {@code change} to the handoff's record, creating it on the first attempt (changed before insert). */
    private Uni<SyncRecord> update(LeadUpsert lead, CrmTarget target, String request, Consumer<SyncRecord> change) {
        return findById(lead.handoffId()).flatMap(found -> {
            SyncRecord record = found != null ? found : new SyncRecord(lead, target, request);
            change.accept(record);
            return found != null ? Uni.createFrom().item(found) : persist(record);
        });
    }
}
