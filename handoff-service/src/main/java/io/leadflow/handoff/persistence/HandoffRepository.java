package io.leadflow.handoff.persistence;

import io.leadflow.events.LeadKeys;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HandoffRepository implements PanacheRepositoryBase<Handoff, UUID> {

    /** A lead's handoffs, newest first; the email is matched case-insensitively. */
    @WithSession
    public Uni<List<Handoff>> listByEmail(String email) {
        return list("lower(email) = ?1 order by createdAt desc, id", LeadKeys.normalizeEmail(email));
    }
}
