package io.leadflow.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records straight to the test broker: events from another service, duplicates, poison. */
public final class TestRecords {

    private TestRecords() {
    }

    /** A CloudEvent in binary mode, as a Leadflow service would write it. */
    public static void sendCloudEvent(String topic, String key, String ceId, String ceType, String jsonData) {
        send(topic, key, cloudEventHeaders(ceId, ceType), jsonData);
    }

    /** A CloudEvent in binary mode in a trace, as a Leadflow service with tracing on would write it. */
    public static void sendCloudEvent(String topic, String key, String ceId, String ceType, String jsonData, TestTrace trace) {
        Map<String, String> headers = new HashMap<>(cloudEventHeaders(ceId, ceType));
        headers.put("traceparent", trace.traceparent());
        send(topic, key, headers, jsonData);
    }

    private static Map<String, String> cloudEventHeaders(String ceId, String ceType) {
        return Map.of(
                "ce_specversion", "1.0",
                "ce_id", ceId,
                "ce_type", ceType,
                "ce_source", "/leadflow/tests",
                "ce_time", Instant.now().toString(),
                "content-type", "application/json");
    }

    /** Any record, with the headers given; waits for the broker's acknowledgement. */
    public static void send(String topic, String key, Map<String, String> headers, String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write a test record to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing to " + topic, e);
        }
    }
}
