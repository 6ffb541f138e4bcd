package io.leadflow.handoff.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.handoff.domain.RoutingDocument;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * The routing document in force: the highest stored version, or the built-in default (version 0)
 * until one is stored. Two concurrent stores of the same version fail one on the primary key.
 */
@ApplicationScoped
public class RoutingDocumentRepository implements PanacheRepositoryBase<StoredRoutingDocument, Integer> {

    private final RoutingDocument defaultDocument;
    private final ObjectMapper json;
    private final Clock clock;

    public RoutingDocumentRepository(RoutingDocument defaultDocument, ObjectMapper json, Clock clock) {
        this.defaultDocument = defaultDocument;
        this.json = json;
        this.clock = clock;
    }

    /** The document in force; needs a session. */
    public Uni<RoutingDocument> current() {
        return find("order by version desc").firstResult()
                .map(stored -> stored == null ? defaultDocument : read(stored));
    }

    /** Stores {@code document} as the next version and returns it with that version; needs a transaction. */
    public Uni<RoutingDocument> storeNext(RoutingDocument document) {
        return current().flatMap(before -> {
            RoutingDocument next = document.withVersion(before.version() + 1);
            return persist(new StoredRoutingDocument(next.version(), write(next), clock.instant())).replaceWith(next);
        });
    }

    private RoutingDocument read(StoredRoutingDocument stored) {
        try {
            return json.readValue(stored.document(), RoutingDocument.class).withVersion(stored.version());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored routing document " + stored.version() + " does not read back", e);
        }
    }

    private String write(RoutingDocument document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize the routing document", e);
        }
    }
}
