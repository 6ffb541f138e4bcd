package io.leadflow.kafkaops;

/**
 * An incoming Kafka channel of the service, as its configuration declares it.
 *
 * @param deadLetterTopic where the channel sends what it can never process, null when it has no dead-letter queue
 */
public record ConsumedChannel(String channel, String topic, String group, String deadLetterTopic) {
}
