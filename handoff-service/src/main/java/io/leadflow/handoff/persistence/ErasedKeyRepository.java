package io.leadflow.handoff.persistence;

import io.leadflow.events.ErasedKeyHash;
import io.leadflow.events.LeadErased;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The erased leads' keys, as keyed hashes: every intake that could hand a lead to sales asks here first, so that a
 * record of an erased lead consumed after its erasure (replayed, late, or a dead letter retried: each comes back
 * through the same intake) recreates nothing. Needs the caller's session.
 */
@ApplicationScoped
public class ErasedKeyRepository implements PanacheRepositoryBase<ErasedKey, String> {

    private final ErasedKeyHash hash;

    public ErasedKeyRepository(ErasedKeyHash hash) {
        this.hash = hash;
    }

    /** Remembers the announced hashes as erased at {@code at}; in the erasure's transaction. */
    public Uni<Void> record(List<String> keyHashes, Instant at) {
        return Multi.createFrom().iterable(keyHashes)
                .onItem().transformToUniAndConcatenate(keyHash -> findById(keyHash).flatMap(found -> {
                    if (found == null) {
                        return persist(new ErasedKey(keyHash, at)).replaceWithVoid();
                    }
                    found.erasedAgain(at);
                    return Uni.createFrom().voidItem();
                }))
                .collect().last().replaceWithVoid();
    }

    /** False when a lead with this key was erased at or after {@code occurredAt} ({@link LeadErased#allowsNewLead}). */
    public Uni<Boolean> allowsNewLead(String leadKey, Instant occurredAt) {
        return findById(hash.of(leadKey)).map(found -> LeadErased.allowsNewLead(found == null ? null : found.erasedAt(), occurredAt));
    }
}
