package io.leadflow.scoring.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.txmessaging.JsonRecordSet;
import io.leadflow.txmessaging.NativeValues;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Leads by their key. */
@ApplicationScoped
@WithSession
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    /** The lead with this key, or null when there is none. */
    public Uni<Lead> findByKey(String leadKey) {
        return find("leadKey", leadKey).firstResult();
    }

    /**
     * The lead with this key, locked until the transaction ends, or null: an engagement, a merge
     * and a replay of one lead run one after the other, whichever instance runs them.
     */
    public Uni<Lead> lockByKey(String leadKey) {
        return find("leadKey", leadKey).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The lead with this id, locked until the transaction ends, or null. */
    public Uni<Lead> lockById(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private static final String KEY_SHARE = "select cast(id as text) from lead where id in"
            + " (select cast(jsonb_array_elements_text(cast(cast(?1 as text) as jsonb)) as uuid)) order by id for key share";

    /**
     * The leads with these ids, read only, each kept from being deleted (an erasure locks it first) until the transaction
     * ends but not from being updated: counting goes on writing them meanwhile, and no lock order between the two can
     * deadlock. Those that are gone are absent.
     */
    public Uni<List<Lead>> keepAll(Collection<UUID> ids, ObjectMapper json) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String idsJson = JsonRecordSet.ofValues(json, ids.stream().map(UUID::toString).toList());
        return getSession().flatMap(session -> session.createNativeQuery(KEY_SHARE, String.class).setParameter(1, idsJson).getResultList())
                .flatMap(kept -> ReadOnlyRows.list(Lead.class, "id in :ids", "id", Parameters.with("ids", ids)));
    }

    /**
     * The leads with these keys or ids, each locked until the transaction ends, in id order: one query for a
     * batch of engagements, and concurrent batches lock their common leads in the same order.
     */
    public Uni<List<Lead>> lockAll(Collection<String> leadKeys, Collection<UUID> ids) {
        if (leadKeys.isEmpty() && ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        var query = ids.isEmpty() ? find("leadKey in ?1", Sort.by("id"), leadKeys)
                : leadKeys.isEmpty() ? find("id in ?1", Sort.by("id"), ids)
                : find("leadKey in ?1 or id in ?2", Sort.by("id"), leadKeys, ids);
        return query.withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The first {@code size} leads whose id comes after {@code after}, in id order: a page of every lead. */
    public Uni<List<Lead>> pageAfter(UUID after, int size) {
        return find("id > ?1", Sort.by("id"), after).page(0, size).list();
    }

    /** As {@link #pageAfter}, each lead locked until the transaction ends. */
    public Uni<List<Lead>> lockPageAfter(UUID after, int size) {
        return find("id > ?1", Sort.by("id"), after).withLock(LockModeType.PESSIMISTIC_WRITE).page(0, size).list();
    }

    /**
     * Holds a lock on a lead key, whether or not a lead has it yet, until the transaction ends: so an
     * anonymous visitor's first engagement and its identification (on different partitions) cannot
     * both miss each other.
     */
    public Uni<Void> lockKey(String leadKey) {
        return getSession().flatMap(session -> session
                        .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1))) as locked", Long.class)
                        .setParameter(1, leadKey)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** As {@link #lockKey}, for several keys at once, taken in key order. */
    public Uni<Void> lockKeys(Collection<String> leadKeys) {
        if (leadKeys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> sorted = leadKeys.stream().distinct().sorted().toList();
        return getSession().flatMap(session -> {
            var query = session.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(lead_key)) from (values "
                    + NativeValues.placeholders(sorted.size(), 1) + ") as keys (lead_key) order by lead_key) as locked", Long.class);
            for (int i = 0; i < sorted.size(); i++) {
                query.setParameter(i + 1, sorted.get(i));
            }
            return query.getSingleResult();
        }).replaceWithVoid();
    }
}
