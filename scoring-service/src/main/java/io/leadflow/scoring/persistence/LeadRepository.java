package io.leadflow.scoring.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Leads by their key. */
@ApplicationScoped
@WithSession
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    /** The lead with this key, or null when there is none. */
    public Uni<Lead> findByKey(String leadKey) {
        return find("leadKey", leadKey).firstResult();
    }
}
