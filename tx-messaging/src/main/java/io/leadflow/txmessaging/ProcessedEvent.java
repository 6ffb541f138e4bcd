package io.leadflow.txmessaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
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

    public String eventId() {
        return eventId;
    }

    // jsonb_array_elements_text reads ?1, a JSON array of the ids (JsonRecordSet.ofValues)
    private static final String CLAIM = "insert into processed_event (event_id, processed_at, channel)"
            + " select id, cast(?2 as timestamptz), cast(?3 as text) from jsonb_array_elements_text(cast(cast(?1 as text) as jsonb)) as ids (id)"
            + " on conflict (event_id) do nothing returning event_id";

    /**
     * Records as processed those of these event ids that were not, and answers them: one statement whatever their
     * number, which dedupes them itself. An id recorded before is skipped, and so is one a concurrent transaction
     * records first (this one waits for that one to end): the effect of an id runs in the transaction that recorded it.
     *
     * @param eventIds a JSON array of the ids ({@link JsonRecordSet#ofValues})
     * @param channel the channel they were read from: how long they are kept depends on it ({@link ProcessedEventRetention})
     */
    static Uni<Set<String>> claim(String eventIds, Instant now, String channel) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(CLAIM, String.class)
                        .setParameter(1, eventIds)
                        .setParameter(2, now)
                        .setParameter(3, channel)
                        .getResultList())
                .map(HashSet::new);
    }
}
