package io.leadflow.handoff.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.LeadErased;
import io.leadflow.txmessaging.IncomingEvent;
import io.leadflow.txmessaging.ProcessOnce;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Anonymizes the handoffs of each lead erased on request (right to erasure), once per erasure event ({@link HandoffErasure}). */
@ApplicationScoped
public class ErasureConsumer {

    private final ObjectMapper json;
    private final ProcessOnce processOnce;
    private final HandoffErasure erasure;

    public ErasureConsumer(ObjectMapper json, ProcessOnce processOnce, HandoffErasure erasure) {
        this.json = json;
        this.processOnce = processOnce;
        this.erasure = erasure;
    }

    @Incoming(Channels.ERASURE)
    public Uni<Void> consume(Message<String> message) {
        return IncomingEvent.handle(message, json, List.of(LeadErased.TYPE), event -> {
            LeadErased erased = event.dataAs(LeadErased.class, json);
            return processOnce.process(Channels.ERASURE, event.id(), () -> erasure.erase(event.id(), erased));
        });
    }
}
