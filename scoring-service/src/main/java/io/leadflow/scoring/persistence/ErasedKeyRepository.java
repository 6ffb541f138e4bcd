package io.leadflow.scoring.persistence;

import io.leadflow.events.ErasedKeyHash;
import io.leadflow.events.LeadErased;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which lead keys were erased, and when: kept as {@link ErasedKeyHash}es (keyed by the deployment's erasure secret) so
 * that the erased keys themselves are gone and cannot be found again by hashing guessed emails. Entries written before
 * the hash was keyed are plain SHA-256 and cannot be re-keyed (the key is gone); they are still looked up under that
 * hash, so an erasure made before the change holds too (docs/security.md, "Erasure and Kafka").
 */
@ApplicationScoped
@WithSession
public class ErasedKeyRepository implements PanacheRepositoryBase<ErasedKey, String> {

    private final ErasedKeyHash hash;

    public ErasedKeyRepository(ErasedKeyHash hash) {
        this.hash = hash;
    }

    /** Records the keys as erased at {@code now}, under their keyed hashes; in the erasing transaction. */
    public Uni<Void> record(List<String> leadKeys, Instant now) {
        return Multi.createFrom().iterable(leadKeys)
                .onItem().transformToUniAndConcatenate(key -> findById(hash.of(key)).flatMap(found -> {
                    if (found == null) {
                        return persist(new ErasedKey(hash.of(key), now)).replaceWithVoid();
                    }
                    found.erasedAgain(now);
                    return Uni.createFrom().voidItem();
                }))
                .collect().last().replaceWithVoid();
    }

    /**
     * False when a lead with this key was erased at or after {@code occurredAt}: an event of the erased lead arriving
     * late must not bring it back; one that happened after the erasure is a new lead.
     */
    public Uni<Boolean> allowsNewLead(String leadKey, Instant occurredAt) {
        return erasedAt(List.of(leadKey)).map(erased -> allowsNewLead(erased.get(leadKey), occurredAt));
    }

    /** As {@link #allowsNewLead(String, Instant)}, given when the key was erased (null: never). */
    public static boolean allowsNewLead(Instant erasedAt, Instant occurredAt) {
        return LeadErased.allowsNewLead(erasedAt, occurredAt);
    }

    /** When each of these keys was erased, for those that were: one query, under the keyed hash and the legacy one. */
    public Uni<Map<String, Instant>> erasedAt(Collection<String> leadKeys) {
        if (leadKeys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<String, String> keysByHash = leadKeys.stream().distinct()
                .flatMap(key -> Stream.of(Map.entry(hash.of(key), key), Map.entry(ErasedKeyHash.legacy(key), key)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return list("keyHash in ?1", keysByHash.keySet()).map(found -> {
            Map<String, Instant> erasedAt = new HashMap<>();
            // a key erased both before and after the hash was keyed counts from its latest erasure
            found.forEach(erased -> erasedAt.merge(keysByHash.get(erased.keyHash()), erased.erasedAt(), (a, b) -> a.isAfter(b) ? a : b));
            return erasedAt;
        });
    }
}
