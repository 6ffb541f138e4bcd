package io.leadflow.kafkahealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.testsupport.KafkaTopics;
import io.leadflow.testsupport.SharedKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real broker: a producer whose I/O thread dies of an error, as an OutOfMemoryError would kill it. */
class KafkaClientThreadsTest {

    private static final String TOPIC = "leadflow.kafka-health.test";

    private final KafkaClientThreads clientThreads = new KafkaClientThreads(Set::of);

    @BeforeAll
    static void createTopic() {
        KafkaTopics.ensure(SharedKafka.bootstrapServers(), List.of(TOPIC));
    }

    @Test
    void aProducerWhoseIoThreadDiedWhileItIsOpenIsReportedByItsThread() {
        // Given an open producer whose I/O thread is alive and seen
        try (KafkaProducer<String, String> producer = producer("dies-of-an-error", ErrorOnAcknowledgement.class)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> clientThreads.expected()
                    .contains(KafkaClientThreads.PRODUCER_THREAD + "dies-of-an-error"));
            assertThat(clientThreads.dead()).isEmpty();

            // When an error no one catches ends its I/O thread (the interceptor's acknowledgement runs on it)
            producer.send(new ProducerRecord<>(TOPIC, "lead-1", "{}"));

            // Then its thread is reported dead while the producer is still open
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(clientThreads.dead())
                    .containsExactly("kafka-producer-network-thread | dies-of-an-error"));
        }
    }

    @Test
    void aProducerThatWasClosedIsNotReported() {
        // Given an open producer whose I/O thread has been seen
        KafkaProducer<String, String> producer = producer("closed-in-order", null);
        clientThreads.dead();

        // When it is closed, its thread ending with it
        producer.close();

        // Then no thread is reported dead
        assertThat(clientThreads.dead()).isEmpty();
    }

    private static KafkaProducer<String, String> producer(String clientId, Class<?> interceptor) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        if (interceptor != null) {
            config.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, interceptor.getName());
        }
        return new KafkaProducer<>(config);
    }

    /**
     * Throws an {@link Error} from the acknowledgement, which Kafka runs on the producer's I/O thread and guards only
     * against exceptions: the thread ends as it does when an OutOfMemoryError is thrown there.
     */
    public static final class ErrorOnAcknowledgement implements ProducerInterceptor<String, String> {

        @Override
        public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
            throw new Error("simulated: what an OutOfMemoryError on the I/O thread does");
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }
}
