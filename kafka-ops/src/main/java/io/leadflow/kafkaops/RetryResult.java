package io.leadflow.kafkaops;

import java.time.Instant;

/** A dead letter re-published to its original topic: where it was, where it went, who retried it and when. */
public record RetryResult(String topic, int partition, long offset, String republishedTo, int republishedPartition,
        long republishedOffset, String retriedBy, Instant retriedAt) {
}
