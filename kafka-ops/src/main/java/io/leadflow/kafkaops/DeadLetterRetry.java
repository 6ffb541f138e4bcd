package io.leadflow.kafkaops;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An operator's retry of a dead letter: the record, with its key, value and headers but none of the dead-letter
 * ones, goes back to the topic it was consumed from, once. The consumers count an event once (by its ce_id), so a
 * record that was counted after all changes nothing; one that fails again lands in the dead-letter topic again.
 */
@ApplicationScoped
public class DeadLetterRetry {

    private final OpsChannels channels;
    private final DeadLetterReader reader;
    private final DeadLetterRetries retries;
    private final KafkaOpsClients clients;

    public DeadLetterRetry(OpsChannels channels, DeadLetterReader reader, DeadLetterRetries retries, KafkaOpsClients clients) {
        this.channels = channels;
        this.reader = reader;
        this.retries = retries;
        this.clients = clients;
    }

    public RetryResult retry(String topic, int partition, long offset, String by) {
        if (channels.deadLetterTopic(topic).isEmpty()) {
            throw OpsRefusal.invalid("topic", "is not a dead-letter topic of this service (" + channels.deadLetterTopicNames() + ")");
        }
        ConsumerRecord<byte[], byte[]> record = reader.at(topic, partition, offset).orElseThrow(() -> OpsRefusal.notFound(
                "no record at offset " + offset + " of partition " + partition + " of " + topic));
        Header original = record.headers().lastHeader(DeadLetter.ORIGINAL_TOPIC);
        if (original == null) {
            throw OpsRefusal.conflict("Not re-publishable",
                    "the record names no original topic (no " + DeadLetter.ORIGINAL_TOPIC + " header): it was not dead-lettered by a consumer");
        }
        String originalTopic = Text.of(original.value(), 249);
        RetryMark mark = retries.mark(topic, partition, offset, originalTopic, by).orElseThrow(() -> {
            RetryMark earlier = retries.find(topic, partition, offset).orElseThrow();
            return OpsRefusal.conflict("Already retried", "retried by " + earlier.by() + " at " + earlier.at());
        });
        try {
            RecordMetadata sent = clients.producer()
                    .send(new ProducerRecord<>(originalTopic, null, record.key(), record.value(), republishedHeaders(record)))
                    .get(KafkaOpsClients.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new RetryResult(topic, partition, offset, originalTopic, sent.partition(), sent.offset(), mark.by(), mark.at());
        } catch (ExecutionException | TimeoutException | InterruptedException failed) {
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // not re-published: it may be retried again
            retries.unmark(topic, partition, offset);
            throw OpsRefusal.unavailable("could not re-publish to " + originalTopic + ": " + failed.getMessage());
        }
    }

    private static RecordHeaders republishedHeaders(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DeadLetter.DEAD_LETTER_PREFIX)) {
                headers.add(header);
            }
        }
        return headers;
    }
}
