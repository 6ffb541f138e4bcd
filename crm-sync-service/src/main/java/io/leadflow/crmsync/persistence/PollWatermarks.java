package io.leadflow.crmsync.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The polls' watermarks, one per polled source. */
@ApplicationScoped
public class PollWatermarks implements PanacheRepositoryBase<PollWatermark, String> {

    /** The source's watermark, or null before its first poll. */
    @WithSession
    public Uni<Instant> of(String source) {
        return findById(source).map(found -> found == null ? null : found.watermark());
    }

    /** Records that the source was read up to {@code to}; never moves it back. */
    @WithTransaction
    public Uni<Void> advance(String source, Instant to, Instant at) {
        return findById(source).flatMap(found -> {
            if (found == null) {
                return persist(new PollWatermark(source, to, at)).replaceWithVoid();
            }
            found.advanceTo(to, at);
            return Uni.createFrom().voidItem();
        });
    }
}
