package io.leadflow.crmsync.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The erasure entries: what each erasure did in each CRM. */
@ApplicationScoped
public class Erasures implements PanacheRepositoryBase<ErasureRecord, String> {

    /** Records the erasure's outcomes; runs in the caller's transaction, with the anonymized ledger. */
    public Uni<Void> record(List<ErasureRecord> outcomes) {
        return persist(outcomes.stream()).replaceWithVoid();
    }

    /** A lead's erasure entries, oldest first. */
    @WithSession
    public Uni<List<ErasureRecord>> forLead(String leadId) {
        return list("leadId", Sort.by("erasedAt").and("target"), leadId);
    }
}
