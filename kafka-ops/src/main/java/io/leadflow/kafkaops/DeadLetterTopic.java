package io.leadflow.kafkaops;

/**
 * A dead-letter topic of the service.
 *
 * @param channel the incoming channel whose dead letters it holds, or the outgoing channel that writes it
 */
public record DeadLetterTopic(String topic, String channel) {
}
