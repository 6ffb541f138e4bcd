package io.leadflow.kafkaops;

import java.util.List;

/**
 * A dead-letter topic: how many records it holds, and the latest of them, newest first.
 *
 * @param channel the channel whose dead letters it holds (or that writes it)
 */
public record DeadLetterTopicView(String topic, String channel, long count, List<DeadLetter> latest) {
}
