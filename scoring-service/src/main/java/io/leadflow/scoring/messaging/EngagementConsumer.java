package io.leadflow.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.txmessaging.IncomingEvent;
import io.leadflow.txmessaging.ProcessOnce;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Counts each engagement once: the event id (ce_id) is recorded with the score change in one
 * transaction, so a redelivery changes nothing; poison records go to the dead-letter topic.
 */
@ApplicationScoped
public class EngagementConsumer {

    private final ObjectMapper json;
    private final ProcessOnce processOnce;
    private final EngagementScoring scoring;

    public EngagementConsumer(ObjectMapper json, ProcessOnce processOnce, EngagementScoring scoring) {
        this.json = json;
        this.processOnce = processOnce;
        this.scoring = scoring;
    }

    @Incoming(Channels.ENGAGEMENT)
    public Uni<Void> consume(Message<String> message) {
        return IncomingEvent.handle(message, json, List.of(EngagementCaptured.TYPE), event -> {
            EngagementCaptured engagement = event.dataAs(EngagementCaptured.class, json);
            return processOnce.process(Channels.ENGAGEMENT, event.id(), () -> scoring.count(event.id(), engagement));
        });
    }
}
