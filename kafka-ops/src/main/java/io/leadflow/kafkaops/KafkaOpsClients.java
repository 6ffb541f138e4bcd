package io.leadflow.kafkaops;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka clients of the operations API, configured as the service's channels are (the {@code kafka.*}
 * properties: brokers, and in a deployment its SCRAM or TLS user): one admin client and one producer, made
 * when first needed, and a short-lived reader per call.
 */
@ApplicationScoped
public class KafkaOpsClients {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> kafka;
    private Admin admin;
    private Producer<byte[], byte[]> producer;

    public KafkaOpsClients(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(new HashMap<>(kafka));
        }
        return admin;
    }

    /** Re-publishes as the services' outgoing channels do: acknowledged by every in-sync replica, idempotent. */
    synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafka);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** A consumer in no group that commits nothing: it only looks. The caller closes it. */
    KafkaConsumer<byte[], byte[]> reader() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The offsets each partition of the topic holds; none for a topic that does not exist (yet). */
    List<PartitionRange> ranges(String topic) {
        List<TopicPartition> partitions;
        try {
            partitions = await(admin().describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
        } catch (OpsRefusal refusal) {
            if (refusal.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of();
            }
            throw refusal;
        }
        Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, ListOffsetsResultInfo> end = offsets(partitions, OffsetSpec.latest());
        return partitions.stream()
                .map(partition -> new PartitionRange(partition.partition(), earliest.get(partition).offset(), end.get(partition).offset()))
                .toList();
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        return await(admin().listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec))).all());
    }

    /** The admin call's answer; a broker that does not answer in time is a 503. */
    static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            OpsRefusal refusal = OpsRefusal.unavailable(String.valueOf(failed.getCause().getMessage()));
            refusal.initCause(failed.getCause());
            throw refusal;
        } catch (TimeoutException late) {
            throw OpsRefusal.unavailable("the broker did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw OpsRefusal.unavailable("interrupted waiting for the broker");
        }
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(TIMEOUT);
        }
        if (producer != null) {
            producer.close(TIMEOUT);
        }
    }
}
