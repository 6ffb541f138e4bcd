package io.leadflow.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.LeadScored;
import io.leadflow.txmessaging.IncomingEvent;
import io.leadflow.txmessaging.PoisonRecordException;
import io.leadflow.txmessaging.ProcessOnce;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Rolls leads' new scores up to their accounts ({@link AccountRollup}), a polled batch of {@code lead.scored.v1} per
 * transaction, each event's effect once (the roll-up is idempotent): scoring reads its own score feed, so accounts stay
 * off the engagement path and a slow roll-up never holds counting back; a batch rolls each account it touches up once.
 * An erasure's tombstones on the feed are acknowledged untouched (the erasure itself took the lead out of its account);
 * a record that can never be read goes to the dead-letter topic on its own, after the rest of its batch.
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
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        Map<String, UUID> leadByEvent = new LinkedHashMap<>();
        List<Map.Entry<KafkaRecord<String, String>, PoisonRecordException>> poison = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            if (record.getPayload() == null) {
                continue;
            }
            try {
                IncomingEvent event = IncomingEvent.read(record, json, List.of(LeadScored.TYPE));
                leadByEvent.put(event.id(), UUID.fromString(event.dataAs(LeadScored.class, json).leadId()));
            } catch (PoisonRecordException e) {
                poison.add(Map.entry(record, e));
            } catch (IllegalArgumentException e) {
                poison.add(Map.entry(record, new PoisonRecordException("the leadId is no UUID: " + e.getMessage())));
            }
        }
        // every event is fresh: the roll-up is idempotent (a redelivered score change finds nothing to move), so the
        // feed's ids need no processed_event row, a random-key insert per lead scored
        return processOnce.processAll(Channels.LEAD_SCORES, List.copyOf(leadByEvent.keySet()), ids -> Uni.createFrom().item(Set.copyOf(ids)),
                fresh -> {
                    // a lead's last event in the batch is its cause; its current row is what rolls up
                    Map<UUID, String> causeByLead = new LinkedHashMap<>();
                    fresh.forEach(eventId -> causeByLead.put(leadByEvent.get(eventId), eventId));
                    return rollup.leadsChanged(causeByLead);
                })
                .flatMap(done -> EngagementConsumer.deadLetter(poison))
                .flatMap(done -> Uni.createFrom().completionStage(batch::ack));
    }
}
