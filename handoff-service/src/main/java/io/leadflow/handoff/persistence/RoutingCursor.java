package io.leadflow.handoff.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How many leads a queue has dealt: its round-robin turn, kept across restarts and instances. */
@Entity
@Table(name = "routing_cursor")
public class RoutingCursor extends PanacheEntityBase {

    @Id
    private String queue;

    @Column(nullable = false)
    private long position;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RoutingCursor() {
    }

    RoutingCursor(String queue, Instant createdAt) {
        this.queue = queue;
        this.updatedAt = createdAt;
    }

    public long position() {
        return position;
    }

    /** Moves the cursor on; written when the assignment's transaction commits. */
    public void advanceTo(long next, Instant at) {
        if (next <= position) {
            throw new IllegalArgumentException("a cursor only moves forward: " + position + " -> " + next);
        }
        position = next;
        updatedAt = at;
    }
}
