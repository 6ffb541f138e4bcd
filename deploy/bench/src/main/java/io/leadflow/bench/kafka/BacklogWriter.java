package io.leadflow.bench.kafka;

import io.leadflow.bench.mix.BenchEvent;
import io.leadflow.bench.mix.EventGenerator;
import io.leadflow.bench.mix.EventJson;
import io.leadflow.events.CloudEventSources;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.LeadKeys;
import io.leadflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes engagements straight to {@code leadflow.engagement.v1} exactly as capture-service would:
 * binary-mode CloudEvents (the {@code ce_*} headers) keyed by the lead, with the
 * {@link EngagementCaptured} JSON as data. It pre-fills the backlog scoring must drain.
 */
public final class BacklogWriter {

    private final String bootstrapServers;

    public BacklogWriter(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Writes {@code count} events and returns once the broker acknowledged all of them. */
    public void write(EventGenerator generator, int count) {
        AtomicLong failures = new AtomicLong();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                BenchEvent event = generator.next();
                Instant now = Instant.now();
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ENGAGEMENT,
                        LeadKeys.of(event.email(), null), EventJson.captured(event, now));
                Headers headers = record.headers();
                header(headers, "ce_specversion", "1.0");
                header(headers, "ce_id", event.eventId());
                header(headers, "ce_type", EngagementCaptured.TYPE);
                header(headers, "ce_source", CloudEventSources.CAPTURE);
                header(headers, "ce_time", now.toString());
                header(headers, "content-type", "application/json");
                producer.send(record, (metadata, failure) -> {
                    if (failure != null) {
                        failures.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + count + " backlog records were not written");
        }
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
