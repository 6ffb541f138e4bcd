package io.leadflow.crmsync.messaging;

import io.leadflow.events.HandoffCreated;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends a handoff whose CRM write spent its retry budget to {@code leadflow.crm-sync.v1.dlq}: the
 * handoff as it was consumed, keyed by the lead, with the reason in {@code dead-letter-reason} (as
 * SmallRye's own dead-letter topics carry it), the attempts, the target and the handoff's ce_id and
 * ce_type. An emitter rather than the outbox, because the outbox cannot carry those headers; it is
 * sent and acknowledged by the broker BEFORE the ledger says FAILED, so a crash in between sends it
 * again on redelivery (at least once), never not at all.
 */
@ApplicationScoped
public class CrmDeadLetters {

    public static final String REASON_HEADER = "dead-letter-reason";
    public static final String ATTEMPTS_HEADER = "dead-letter-attempts";
    public static final String TARGET_HEADER = "dead-letter-target";

    private final MutinyEmitter<String> emitter;

    public CrmDeadLetters(@Channel(Channels.CRM_DEAD_LETTERS) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> send(String eventId, String leadKey, String handoffJson, String reason, int attempts, String target) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", bytes(eventId));
        headers.add("ce_type", bytes(HandoffCreated.TYPE));
        headers.add("ce_specversion", bytes("1.0"));
        headers.add(REASON_HEADER, bytes(reason == null ? "(no reason given)" : reason));
        headers.add(ATTEMPTS_HEADER, bytes(Integer.toString(attempts)));
        headers.add(TARGET_HEADER, bytes(target));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(leadKey)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(handoffJson).addMetadata(metadata));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
