package io.leadflow.kafkaops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void a_dead_letter_shows_its_reason_original_topic_and_headers_as_text() {
        DeadLetter letter = DeadLetter.of(1, 7, 1_000, bytes("ada@example.com"), bytes("{not json"), List.of(
                Map.entry("ce_id", bytes("e-1")),
                Map.entry("dead-letter-reason", bytes("value is not JSON")),
                Map.entry("dead-letter-topic", bytes("leadflow.engagement.v1"))), null);

        assertThat(letter.reason()).isEqualTo("value is not JSON");
        assertThat(letter.originalTopic()).isEqualTo("leadflow.engagement.v1");
        assertThat(letter.headers()).containsEntry("ce_id", "e-1").hasSize(3);
        assertThat(letter.value()).isEqualTo("{not json");
        assertThat(letter.valueCut()).isFalse();
        assertThat(letter.timestamp()).isEqualTo(Instant.ofEpochMilli(1_000));
        assertThat(letter.retried()).isNull();
    }

    @Test
    void a_long_value_is_cut_and_says_so_and_bytes_that_are_not_utf8_stay_text() {
        DeadLetter letter = DeadLetter.of(0, 0, 0, null, bytes("x".repeat(DeadLetter.VALUE_MAX + 1)),
                List.of(Map.entry("odd", new byte[] {(byte) 0xff, 'a'})), new RetryMark("ops", Instant.EPOCH));

        assertThat(letter.value()).hasSize(DeadLetter.VALUE_MAX);
        assertThat(letter.valueCut()).isTrue();
        assertThat(letter.key()).isNull();
        assertThat(letter.headers().get("odd")).isEqualTo("\uFFFDa");
        assertThat(letter.retried().by()).isEqualTo("ops");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
