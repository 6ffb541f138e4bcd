package io.leadflow.handoff.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;

@ApplicationScoped
public class RoutingCursorRepository implements PanacheRepositoryBase<RoutingCursor, String> {

    /**
     * The queue's cursor, locked until the caller's transaction ends so that concurrent
     * assignments take turns; created at zero on first use. Two instances creating the same
     * cursor at once make one transaction fail on the primary key, and that one is retried.
     */
    public Uni<RoutingCursor> lockOrCreate(String queue, Instant now) {
        return findById(queue, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().switchTo(() -> persist(new RoutingCursor(queue, now)));
    }
}
