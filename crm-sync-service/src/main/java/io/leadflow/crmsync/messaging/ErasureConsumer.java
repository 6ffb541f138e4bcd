package io.leadflow.crmsync.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.LeadErased;
import io.leadflow.txmessaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Takes each erased lead from {@code leadflow.erasure.v1} to the CRMs and the ledger; records that break the contract go to the DLQ. */
@ApplicationScoped
public class ErasureConsumer {

    private final LeadErasure erasure;
    private final ObjectMapper json;

    public ErasureConsumer(LeadErasure erasure, ObjectMapper json) {
        this.erasure = erasure;
        this.json = json;
    }

    @Incoming(Channels.ERASURE)
    public Uni<Void> consume(Message<String> message) {
        return IncomingEvent.handle(message, json, List.of(LeadErased.TYPE),
                event -> erasure.erase(event.id(), event.dataAs(LeadErased.class, json)));
    }
}
