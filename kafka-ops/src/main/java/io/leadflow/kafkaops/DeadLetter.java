package io.leadflow.kafkaops;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record of a dead-letter topic, as text for the operator.
 *
 * @param valueCut      whether the value was longer than {@link #VALUE_MAX} characters and is cut there
 * @param headers       every header as text (the dead-letter-* ones SmallRye writes, the CloudEvents ones...)
 * @param reason        the {@code dead-letter-reason} header
 * @param originalTopic where the record was consumed from ({@code dead-letter-topic}), where a retry re-publishes it
 * @param retried       the operator's retry, null while it was not retried
 */
public record DeadLetter(int partition, long offset, Instant timestamp, String key, String value, boolean valueCut,
        Map<String, String> headers, String reason, String originalTopic, RetryMark retried) {

    public static final int VALUE_MAX = 8_192;
    public static final int HEADER_MAX = 2_048;

    public static final String REASON = "dead-letter-reason";
    public static final String ORIGINAL_TOPIC = "dead-letter-topic";
    /** What SmallRye's dead-letter queue adds to a record (KafkaDeadLetterQueue): none is sent again by a retry. */
    public static final String DEAD_LETTER_PREFIX = "dead-letter-";

    /**
     * @param headers the record's headers in order, a later one of a name winning (as a consumer's lastHeader)
     */
    public static DeadLetter of(int partition, long offset, long timestampMillis, byte[] key, byte[] value,
            List<Map.Entry<String, byte[]>> headers, RetryMark retried) {
        Map<String, String> text = new LinkedHashMap<>();
        headers.forEach(header -> text.put(header.getKey(), Text.of(header.getValue(), HEADER_MAX)));
        return new DeadLetter(partition, offset, Instant.ofEpochMilli(timestampMillis), Text.of(key, VALUE_MAX),
                Text.of(value, VALUE_MAX), Text.cut(value, VALUE_MAX), text, text.get(REASON), text.get(ORIGINAL_TOPIC), retried);
    }
}
