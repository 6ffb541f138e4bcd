package io.leadflow.handoff.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** One stored version of the routing document, as JSON. */
@Entity
@Table(name = "routing_document")
public class StoredRoutingDocument extends PanacheEntityBase {

    @Id
    private int version;

    /** Cast as for the handoff's contributions: the reactive driver would bind a String as one JSON string. */
    @Column(nullable = false)
    @ColumnTransformer(read = "document::text", write = "cast(? as text)::jsonb")
    private String document;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredRoutingDocument() {
    }

    StoredRoutingDocument(int version, String document, Instant createdAt) {
        this.version = version;
        this.document = document;
        this.createdAt = createdAt;
    }

    public int version() {
        return version;
    }

    public String document() {
        return document;
    }
}
