package io.leadflow.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.SalesFeedback;
import io.leadflow.txmessaging.IncomingEvent;
import io.leadflow.txmessaging.ProcessOnce;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Applies each sales verdict once: the event id (ce_id) is recorded with the stage change in one
 * transaction; poison records (and feedback about unknown leads) go to the dead-letter topic.
 */
@ApplicationScoped
public class SalesFeedbackConsumer {

    private final ObjectMapper json;
    private final ProcessOnce processOnce;
    private final SalesFeedbackHandling handling;

    public SalesFeedbackConsumer(ObjectMapper json, ProcessOnce processOnce, SalesFeedbackHandling handling) {
        this.json = json;
        this.processOnce = processOnce;
        this.handling = handling;
    }

    @Incoming(Channels.SALES_FEEDBACK)
    public Uni<Void> consume(Message<String> message) {
        return IncomingEvent.handle(message, json, List.of(SalesFeedback.TYPE), event -> {
            SalesFeedback feedback = event.dataAs(SalesFeedback.class, json);
            return processOnce.process(Channels.SALES_FEEDBACK, event.id(), () -> handling.apply(event.id(), feedback));
        });
    }
}
