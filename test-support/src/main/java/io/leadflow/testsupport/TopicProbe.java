package io.leadflow.testsupport;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is written to a topic from the moment the probe was opened, for assertions on what a
 * service published. Not thread-safe: one probe per test.
 */
public final class TopicProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<ReceivedEvent> received = new ArrayList<>();

    private TopicProbe(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaTopics.ensure(bootstrapServers, List.of(topic));
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        // a topic created a moment ago may take a few metadata rounds to show its partitions
        List<TopicPartition> partitions = await().atMost(Duration.ofSeconds(30)).until(
                () -> consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList(),
                found -> !found.isEmpty());
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** A probe on the shared test broker that sees records written from now on. */
    public static TopicProbe tail(String topic) {
        return tail(SharedKafka.bootstrapServers(), topic);
    }

    public static TopicProbe tail(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic);
    }

    /** Waits until {@code count} records matching {@code filter} arrived, and returns them. */
    public List<ReceivedEvent> awaitEvents(int count, Predicate<ReceivedEvent> filter, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(10))
                .until(() -> poll().stream().filter(filter).count() >= count);
        return received.stream().filter(filter).toList();
    }

    public List<ReceivedEvent> awaitEvents(int count, Duration timeout) {
        return awaitEvents(count, event -> true, timeout);
    }

    /** Everything that arrives within {@code period}: for asserting that nothing (more) was written. */
    public List<ReceivedEvent> collectFor(Duration period) {
        long deadline = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
        }
        return List.copyOf(received);
    }

    private List<ReceivedEvent> poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
            received.add(toEvent(record));
        }
        return received;
    }

    private static ReceivedEvent toEvent(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new ReceivedEvent(record.key(), headers, record.value(), parse(record.value()));
    }

    private static JsonNode parse(String value) {
        try {
            return value == null ? null : JSON.readTree(value);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
