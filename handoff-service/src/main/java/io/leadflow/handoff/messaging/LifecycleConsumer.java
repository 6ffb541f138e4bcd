package io.leadflow.handoff.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.LifecycleStage;
import io.leadflow.txmessaging.IncomingEvent;
import io.leadflow.txmessaging.ProcessOnce;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns each lead that becomes an MQL into one handoff. Other stage changes are acknowledged
 * untouched: they are not this service's business until sales actions arrive.
 */
@ApplicationScoped
public class LifecycleConsumer {

    private final ObjectMapper json;
    private final ProcessOnce processOnce;
    private final MqlHandoffs handoffs;

    public LifecycleConsumer(ObjectMapper json, ProcessOnce processOnce, MqlHandoffs handoffs) {
        this.json = json;
        this.processOnce = processOnce;
        this.handoffs = handoffs;
    }

    @Incoming(Channels.LIFECYCLE)
    public Uni<Void> consume(Message<String> message) {
        return IncomingEvent.handle(message, json, List.of(LeadStageChanged.TYPE), event -> {
            LeadStageChanged change = event.dataAs(LeadStageChanged.class, json);
            if (change.to() != LifecycleStage.MQL) {
                return Uni.createFrom().voidItem();
            }
            return processOnce.process(Channels.LIFECYCLE, event.id(), () -> handoffs.offer(event.id(), change));
        });
    }
}
