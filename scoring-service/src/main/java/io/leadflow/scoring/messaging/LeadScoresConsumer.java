package io.leadflow.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.LeadScored;
import io.leadflow.txmessaging.IncomingEvent;
import io.leadflow.txmessaging.ProcessOnce;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Rolls each lead's new score up to its account ({@link AccountRollup}), once per {@code lead.scored.v1}: scoring reads
 * its own score feed, so accounts stay off the engagement path and a slow roll-up never holds counting back. An
 * erasure's tombstones on the feed are acknowledged untouched (the erasure itself took the lead out of its account).
 */
@ApplicationScoped
public class LeadScoresConsumer {

    private final ObjectMapper json;
    private final ProcessOnce processOnce;
    private final AccountRollup rollup;

    public LeadScoresConsumer(ObjectMapper json, ProcessOnce processOnce, AccountRollup rollup) {
        this.json = json;
        this.processOnce = processOnce;
        this.rollup = rollup;
    }

    @Incoming(Channels.LEAD_SCORES)
    public Uni<Void> consume(Message<String> message) {
        if (message.getPayload() == null) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return IncomingEvent.handle(message, json, List.of(LeadScored.TYPE), event -> {
            LeadScored scored = event.dataAs(LeadScored.class, json);
            return processOnce.process(Channels.LEAD_SCORES, event.id(), () -> rollup.leadChanged(UUID.fromString(scored.leadId()), event.id()));
        });
    }
}
