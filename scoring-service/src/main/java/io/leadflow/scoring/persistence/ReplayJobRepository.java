package io.leadflow.scoring.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Model replay jobs and their progress. */
@ApplicationScoped
@WithSession
public class ReplayJobRepository implements PanacheRepositoryBase<ReplayJob, UUID> {
}
