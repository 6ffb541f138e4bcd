package io.leadflow.bench.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.bench.mix.EventJson;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Tails a topic from its end (no consumer group: it must not disturb the services' groups) and notes,
 * by the {@code email} in each record's data, when the first record about that lead became readable.
 */
public final class HandoffWatcher implements AutoCloseable {

    private final Map<String, Long> seenAtNanos = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    public HandoffWatcher(String bootstrapServers, String topic) throws InterruptedException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // read what the producer committed: the services publish from a transactional outbox
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(() -> poll(consumer), "handoff-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll(KafkaConsumer<String, String> consumer) {
        try (consumer) {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    String email = emailOf(record.value());
                    if (email != null) {
                        seenAtNanos.putIfAbsent(email, now);
                    }
                }
            }
        }
    }

    /** When the first record about this lead was read, as {@link System#nanoTime()}; null if not yet. */
    public Long seenAt(String email) {
        return seenAtNanos.get(email);
    }

    /** Waits until a record about this lead was read; null if none came in time. */
    public Long await(String email, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Long seen = seenAtNanos.get(email);
        while (seen == null && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
            seen = seenAtNanos.get(email);
        }
        return seen;
    }

    private static String emailOf(String value) {
        try {
            JsonNode email = value == null ? null : EventJson.MAPPER.readTree(value).get("email");
            return email == null || email.isNull() ? null : email.asText();
        } catch (IOException notJson) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5000);
    }
}
