package io.leadflow.crmsync.persistence;

import io.leadflow.crmsync.domain.ConsumedHandoff;
import io.leadflow.events.ErasedKeyHash;
import io.leadflow.events.LeadErased;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The erased leads' keys, as keyed hashes: the sync asks here before it writes a handoff to the CRM, so that a handoff
 * of an erased lead consumed after its erasure (replayed, late, or a dead letter retried: each comes back through the
 * same intake) writes nothing.
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

    /** The ids of the handoffs whose lead was erased after they were made ({@link LeadErased#allowsNewLead}): one query. */
    @WithSession
    public Uni<Set<String>> erasedAmong(Collection<ConsumedHandoff> handoffs) {
        if (handoffs.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Map<String, String> keysByHash = handoffs.stream().map(handoff -> handoff.lead().leadKey()).distinct()
                .collect(Collectors.toMap(hash::of, Function.identity()));
        return list("keyHash in ?1", keysByHash.keySet()).map(found -> {
            Map<String, Instant> erasedAt = found.stream().collect(Collectors.toMap(erased -> keysByHash.get(erased.keyHash()), ErasedKey::erasedAt));
            return handoffs.stream()
                    .filter(handoff -> !LeadErased.allowsNewLead(erasedAt.get(handoff.lead().leadKey()), handoff.handedOffAt()))
                    .map(ConsumedHandoff::handoffId)
                    .collect(Collectors.toSet());
        });
    }
}
