package io.leadflow.scoring.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which lead keys were erased, and when: kept as hashes so that the erased keys themselves are gone. */
@ApplicationScoped
@WithSession
public class ErasedKeyRepository implements PanacheRepositoryBase<ErasedKey, String> {

    /** Records the keys as erased at {@code now}; in the erasing transaction. */
    public Uni<Void> record(List<String> leadKeys, Instant now) {
        return Multi.createFrom().iterable(leadKeys)
                .onItem().transformToUniAndConcatenate(key -> findById(hash(key)).flatMap(found -> {
                    if (found == null) {
                        return persist(new ErasedKey(hash(key), now)).replaceWithVoid();
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
        return findById(hash(leadKey)).map(found -> allowsNewLead(found == null ? null : found.erasedAt(), occurredAt));
    }

    /** As {@link #allowsNewLead(String, Instant)}, given when the key was erased (null: never). */
    public static boolean allowsNewLead(Instant erasedAt, Instant occurredAt) {
        return erasedAt == null || occurredAt.isAfter(erasedAt);
    }

    /** When each of these keys was erased, for those that were: one query. */
    public Uni<Map<String, Instant>> erasedAt(Collection<String> leadKeys) {
        if (leadKeys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<String, String> keysByHash = leadKeys.stream().distinct().collect(Collectors.toMap(ErasedKeyRepository::hash, Function.identity()));
        return list("keyHash in ?1", keysByHash.keySet())
                .map(found -> found.stream().collect(Collectors.toMap(erased -> keysByHash.get(erased.keyHash()), ErasedKey::erasedAt)));
    }

    private static String hash(String leadKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(leadKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
