package io.leadflow.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.LeadIdentified;
import io.leadflow.txmessaging.IncomingEvent;
import io.leadflow.txmessaging.PoisonRecordException;
import io.leadflow.txmessaging.ProcessOnce;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Counts each engagement and identification once: the event id (ce_id) is recorded with its effect
 * in one transaction, so a redelivery changes nothing; poison records go to the dead-letter topic.
 */
@ApplicationScoped
public class EngagementConsumer {

    private final ObjectMapper json;
    private final ProcessOnce processOnce;
    // the effect of each event type the topic carries, read from the record before any transaction opens
    private final Map<String, Function<IncomingEvent, Supplier<Uni<Void>>>> effects;

    public EngagementConsumer(ObjectMapper json, ProcessOnce processOnce, EngagementScoring scoring, IdentityMerging merging) {
        this.json = json;
        this.processOnce = processOnce;
        this.effects = Map.of(
                EngagementCaptured.TYPE, event -> {
                    EngagementCaptured engagement = event.dataAs(EngagementCaptured.class, json);
                    requireLead(event, engagement.email(), engagement.anonymousId());
                    return () -> scoring.count(event.id(), engagement);
                },
                LeadIdentified.TYPE, event -> {
                    LeadIdentified identified = event.dataAs(LeadIdentified.class, json);
                    requireLead(event, identified.email(), null);
                    requireLead(event, null, identified.anonymousId());
                    return () -> merging.merge(event.id(), identified);
                });
    }

    @Incoming(Channels.ENGAGEMENT)
    public Uni<Void> consume(Message<String> message) {
        return IncomingEvent.handle(message, json, List.copyOf(effects.keySet()), event -> {
            Supplier<Uni<Void>> effect = effects.get(event.type()).apply(event);
            return processOnce.process(Channels.ENGAGEMENT, event.id(), effect);
        });
    }

    private static void requireLead(IncomingEvent event, String email, String anonymousId) {
        if ((email == null || email.isBlank()) && (anonymousId == null || anonymousId.isBlank())) {
            throw new PoisonRecordException(event.type() + " " + event.id() + " names no lead: email or anonymousId is required");
        }
    }
}
