package io.leadflow.crmsync.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.HandoffCreated;
import io.leadflow.txmessaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Takes each handoff from {@code leadflow.handoffs.v1} to the CRM; records that break the contract go to the DLQ. */
@ApplicationScoped
public class HandoffConsumer {

    private final HandoffSync sync;
    private final ObjectMapper json;

    public HandoffConsumer(HandoffSync sync, ObjectMapper json) {
        this.sync = sync;
        this.json = json;
    }

    @Incoming(Channels.HANDOFFS)
    public Uni<Void> consume(Message<String> message) {
        return IncomingEvent.handle(message, json, List.of(HandoffCreated.TYPE),
                event -> sync.sync(event.id(), event.dataAs(HandoffCreated.class, json)));
    }
}
