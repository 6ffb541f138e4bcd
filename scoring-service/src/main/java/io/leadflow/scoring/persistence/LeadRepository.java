package io.leadflow.scoring.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
}
