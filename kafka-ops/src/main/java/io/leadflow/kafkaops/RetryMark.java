package io.leadflow.kafkaops;

import java.time.Instant;

/** An operator's retry of a dead letter: who re-published it, and when. */
public record RetryMark(String by, Instant at) {
}
