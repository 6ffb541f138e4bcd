package io.leadflow.crmsync.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.domain.ConsumedHandoff;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.events.HandoffCreated;
import io.leadflow.txmessaging.CauseTraces;
import io.leadflow.txmessaging.IncomingEvent;
import io.leadflow.txmessaging.PoisonRecordException;
import io.leadflow.txmessaging.TransientRetry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes the handoffs of {@code leadflow.handoffs.v1} a poll at a time (at most {@code max.poll.records})
 * and writes them to the CRM in batches ({@link HandoffSync}). A record that breaks the contract (not
 * a CloudEvent, another type, breaks the schema, larger than {@code leadflow.crm.handoffs.max-record-bytes})
 * goes to {@code leadflow.handoffs.v1.dlq} on its own, with the reason, and the others go on. The poll's
 * offsets are acknowledged only once every record of it is settled: synced, skipped as synced before,
 * or dead-lettered.
 */
@ApplicationScoped
public class HandoffConsumer {

    private static final Logger LOG = Logger.getLogger(HandoffConsumer.class);

    private final HandoffSync sync;
    private final ObjectMapper json;
    private final CrmConfig config;

    public HandoffConsumer(HandoffSync sync, ObjectMapper json, CrmConfig config) {
        this.sync = sync;
        this.json = json;
        this.config = config;
    }

    @Incoming(Channels.HANDOFFS)
    public Uni<Void> consume(KafkaRecordBatch<String, String> poll) {
        CauseTraces.remember(poll);
        List<ConsumedHandoff> handoffs = new ArrayList<>();
        List<Uni<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> record : poll.getRecords()) {
            try {
                handoffs.add(read(record));
            } catch (PoisonRecordException poison) {
                deadLetters.add(deadLetter(record, poison));
            }
        }
        // the sync first, on this (safe) context: a dead-letter nack completes on the record's own context,
        // where Hibernate Reactive cannot run
        return sync.sync(handoffs)
                .flatMap(synced -> Multi.createFrom().iterable(deadLetters).onItem().transformToUniAndConcatenate(deadLetter -> deadLetter)
                        .collect().last())
                .flatMap(deadLettered -> Uni.createFrom().completionStage(poll::ack));
    }

    private ConsumedHandoff read(KafkaRecord<String, String> record) {
        String payload = record.getPayload();
        int bytes = payload == null ? 0 : payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.handoffs().maxRecordBytes()) {
            throw new PoisonRecordException("the record is " + bytes + " bytes, more than the " + config.handoffs().maxRecordBytes()
                    + " a handoff may have (leadflow.crm.handoffs.max-record-bytes)");
        }
        IncomingEvent event = IncomingEvent.read(record, json, List.of(HandoffCreated.TYPE));
        HandoffCreated handoff = event.dataAs(HandoffCreated.class, json);
        return new ConsumedHandoff(event.id(), LeadUpsert.of(handoff), payload, handoff.createdAt());
    }

    /** The channel's dead-letter topic, for this record alone (the nack sends it and marks it processed); retried until the broker took it. */
    private Uni<Void> deadLetter(KafkaRecord<String, String> record, PoisonRecordException poison) {
        return Uni.createFrom().deferred(() -> {
            LOG.warnf("dead-lettering record %s: %s", where(record), poison.getMessage());
            return TransientRetry.untilSuccess(() -> Uni.createFrom().completionStage(() -> record.nack(poison)), failure -> true,
                    failure -> logDeadLetterFailure(record, failure), config.retry().initialBackoff(), config.retry().maxBackoff());
        });
    }

    private Uni<Void> logDeadLetterFailure(KafkaRecord<String, String> record, Throwable failure) {
        LOG.warnf("cannot dead-letter record %s, retrying: %s", where(record), failure.toString());
        return Uni.createFrom().voidItem();
    }

    /** topic-partition@offset, for logs (the key is the lead's email, which logs must not hold). */
    private static String where(KafkaRecord<String, String> record) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
        return record.getTopic() + "-" + record.getPartition() + "@" + offset;
    }
}
