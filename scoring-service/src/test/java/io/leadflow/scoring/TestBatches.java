package io.leadflow.scoring;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.SharedKafka;
import io.leadflow.testsupport.TestTrace;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes several records to leadflow.engagement.v1 through one producer that lingers, so that records of one
 * key land in one Kafka record batch, which the consumer then polls together.
 */
public final class TestBatches {

    private TestBatches() {
    }

    /** A record to write: a CloudEvent in binary mode, its data as given (poison included), in a trace or not (null). */
    public record TestRecord(String key, String ceId, String ceType, String data, TestTrace trace) {

        public TestRecord(String key, String ceId, String ceType, String data) {
            this(key, ceId, ceType, data, null);
        }

        public static TestRecord engagement(String ceId, EngagementCaptured engagement) {
            return new TestRecord(engagement.leadKey(), ceId, EngagementCaptured.TYPE, TestEngagements.json(engagement));
        }

        /** The engagement as capture-service with tracing on writes it, in {@code trace}. */
        public static TestRecord engagement(String ceId, EngagementCaptured engagement, TestTrace trace) {
            return new TestRecord(engagement.leadKey(), ceId, EngagementCaptured.TYPE, TestEngagements.json(engagement), trace);
        }
    }

    public static void send(List<TestRecord> records) {
        send(Topics.ENGAGEMENT, records);
    }

    /** The records, written to {@code topic}. */
    public static void send(String topic, List<TestRecord> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "200");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = records.stream().map(record -> producer.send(toProducerRecord(topic, record))).toList();
            producer.flush();
            for (Future<RecordMetadata> ack : sent) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write test records", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing test records", e);
        }
    }

    private static ProducerRecord<String, String> toProducerRecord(String topic, TestRecord record) {
        ProducerRecord<String, String> kafkaRecord = new ProducerRecord<>(topic, record.key(), record.data());
        header(kafkaRecord, "ce_specversion", "1.0");
        header(kafkaRecord, "ce_id", record.ceId());
        header(kafkaRecord, "ce_type", record.ceType());
        header(kafkaRecord, "ce_source", "/leadflow/tests");
        header(kafkaRecord, "ce_time", Instant.now().toString());
        header(kafkaRecord, "content-type", "application/json");
        if (record.trace() != null) {
            header(kafkaRecord, "traceparent", record.trace().traceparent());
        }
        return kafkaRecord;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
