package io.leadflow.txmessaging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The id of an incoming event whose effect has been committed. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    protected ProcessedEvent() {
    }

    ProcessedEvent(String eventId, Instant processedAt) {
        this.eventId = eventId;
        this.processedAt = processedAt;
    }

    public String eventId() {
        return eventId;
    }

    /** Which of these event ids were processed before: one query whatever their number. */
    static Uni<Set<String>> alreadyProcessed(Collection<String> eventIds) {
        return ProcessedEvent.<ProcessedEvent>list("eventId in ?1", eventIds)
                .map(found -> {
                    Set<String> ids = new HashSet<>();
                    found.forEach(event -> ids.add(event.eventId));
                    return ids;
                });
    }
}
