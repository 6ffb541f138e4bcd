package io.leadflow.txmessaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.EventSchemas;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumed CloudEvent (binary mode, JSON data), checked against the contract: a record without
 * CloudEvent headers, of a type the consumer does not expect, or whose data breaks the type's JSON
 * Schema is a {@link PoisonRecordException}.
 *
 * @param id the CloudEvent id: the event's identity for deduplication and logs
 * @param type the CloudEvent type, such as {@code engagement.captured.v1}
 * @param key the Kafka record key
 * @param data the JSON data
 */
public record IncomingEvent(String id, String type, String key, JsonNode data) {

    /** Reads and validates a consumed message; {@code expectedTypes} are the types the channel takes. */
    public static IncomingEvent read(Message<String> message, ObjectMapper json, List<String> expectedTypes) {
        IncomingCloudEventMetadata<?> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new PoisonRecordException("not a CloudEvent: the ce_id, ce_type, ce_source headers are missing"));
        if (!expectedTypes.contains(ce.getType())) {
            throw new PoisonRecordException("unexpected event type " + ce.getType() + ", this channel takes " + expectedTypes);
        }
        JsonNode data = parse(message.getPayload(), json);
        List<String> problems = EventSchemas.validate(ce.getType(), data);
        if (!problems.isEmpty()) {
            throw new PoisonRecordException(ce.getType() + " " + ce.getId() + " breaks its schema: " + problems);
        }
        String key = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getKey() == null ? null : kafka.getKey().toString())
                .orElse(null);
        return new IncomingEvent(ce.getId(), ce.getType(), key, data);
    }

    /** The data as the contract's record type. */
    public <T> T dataAs(Class<T> type, ObjectMapper json) {
        try {
            return json.treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonRecordException(this.type + " " + id + " does not map to " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code handler} on the message's event and settles the message: ack when it completes,
     * nack (to the dead-letter topic) when the record is poison. The outbox rows it writes continue the
     * record's trace ({@link CauseTraces}).
     */
    public static Uni<Void> handle(Message<String> message, ObjectMapper json, List<String> expectedTypes,
            Function<IncomingEvent, Uni<?>> handler) {
        return Uni.createFrom().deferred(() -> {
                    CauseTraces.remember(message);
                    return handler.apply(read(message, json, expectedTypes));
                })
                .onItem().transformToUni(done -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> Uni.createFrom().completionStage(message.nack(failure)));
    }

    private static JsonNode parse(String payload, ObjectMapper json) {
        if (payload == null) {
            throw new PoisonRecordException("the record has no value");
        }
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("the record's value is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
