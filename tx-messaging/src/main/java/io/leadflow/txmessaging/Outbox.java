package io.leadflow.txmessaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Records an event to publish in the caller's transaction, so that it is published if and only if
 * that transaction commits (no dual write). {@link OutboxRelay} sends it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * Adds an event to the outbox; must run inside an open transaction.
     *
     * @param eventId the CloudEvent id; deterministic ids make a repeated decision a no-op downstream
     */
    public Uni<Void> add(String topic, String recordKey, String eventId, String ceType, Object data) {
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("cannot serialize " + ceType, e));
        }
        return new OutboxMessage(eventId, topic, recordKey, ceType, payload, clock.instant()).persist().replaceWithVoid();
    }
}
