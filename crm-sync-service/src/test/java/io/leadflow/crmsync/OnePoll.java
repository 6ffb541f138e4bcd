package io.leadflow.crmsync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records for {@code leadflow.handoffs.v1} written in ONE producer transaction, so the service (which
 * reads committed records only) sees them all at once, as a burst lands in one poll, instead of in
 * whatever pieces the producer happened to send.
 */
public final class OnePoll {

    private final ObjectMapper json;
    private final List<ProducerRecord<String, String>> records = new ArrayList<>();

    public OnePoll(ObjectMapper json) {
        this.json = json;
    }

    /** A handoff as handoff-service publishes it (ce_id = handoff id). */
    public OnePoll handoff(HandoffCreated handoff) {
        try {
            return cloudEvent(handoff.leadKey(), handoff.handoffId(), HandoffCreated.TYPE, json.writeValueAsString(handoff));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public OnePoll handoffs(List<HandoffCreated> handoffs) {
        handoffs.forEach(this::handoff);
        return this;
    }

    /** Any CloudEvent, such as one whose data breaks its schema. */
    public OnePoll cloudEvent(String key, String ceId, String ceType, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.HANDOFFS, key, data);
        Map.of("ce_specversion", "1.0", "ce_id", ceId, "ce_type", ceType, "ce_source", "/leadflow/tests", "ce_time", Instant.now().toString(),
                "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        records.add(record);
        return this;
    }

    /** Writes every record in one transaction and waits for its commit. */
    public void publish() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "crm-sync-test-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(producer::send);
            producer.commitTransaction();
        }
    }
}
