package io.leadflow.capture.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.domain.RawEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plain JUnit: the parser needs only an ObjectMapper. */
class EventsRequestParserTest {

    private final EventsRequestParser parser = new EventsRequestParser(new ObjectMapper());

    @Test
    void a_single_event_is_the_whole_body() throws Exception {
        String body = "{\"type\": \"page.viewed\", \"email\": \"ada@example.com\", \"traits\": {\"companySize\": 250}}";

        List<RawEvent> events = parser.parse(bytes(body)).events();

        assertThat(events).hasSize(1);
        assertThat(events.get(0).path()).isEmpty();
        assertThat(events.get(0).sizeBytes()).isEqualTo(bytes(body).length);
        assertThat(events.get(0).json()).isEqualTo(Map.of("type", "page.viewed", "email", "ada@example.com",
                "traits", Map.of("companySize", 250)));
    }

    @Test
    void a_batch_gives_each_event_its_index_and_its_own_size() throws Exception {
        String first = "{\"type\":\"page.viewed\"}";
        String second = "{\"type\":\"email.opened\",\"email\":\"äda@example.com\"}";
        String body = "{\"events\": [" + first + ", " + second + ", 7]}";

        List<RawEvent> events = parser.parse(bytes(body)).events();

        assertThat(events).extracting(RawEvent::path).containsExactly("events[0]", "events[1]", "events[2]");
        assertThat(events).extracting(RawEvent::sizeBytes).containsExactly(bytes(first).length, bytes(second).length, 1);
        assertThat(events.get(2).json()).isEqualTo(7);
    }

    @Test
    void the_write_key_may_travel_in_the_body_of_an_event_or_of_a_batch() throws Exception {
        assertThat(parser.parse(bytes("{\"type\": \"page.viewed\", \"writeKey\": \"k1\"}")).writeKey()).contains("k1");
        ParsedRequest batch = parser.parseSegment(bytes("{\"batch\": [{\"type\": \"page\"}], \"writeKey\": \"k2\"}"), Optional.empty());
        assertThat(batch.batch()).isTrue();
        assertThat(batch.writeKey()).contains("k2");
        assertThat(batch.events()).extracting(RawEvent::path).containsExactly("batch[0]");
        assertThat(parser.parse(bytes("{\"type\": \"page.viewed\"}")).writeKey()).isEmpty();
    }

    @Test
    void what_is_not_an_event_or_a_batch_is_malformed() {
        for (String body : List.of("", "{\"type\": ", "[{\"type\": \"page.viewed\"}]", "{\"events\": {}}",
                "{\"type\": \"page.viewed\"} {}", "not json")) {
            assertThatThrownBy(() -> parser.parse(bytes(body))).as(body)
                    .isInstanceOfSatisfying(MalformedRequestException.class,
                            e -> assertThat(e.error().field()).isIn("body", "events"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
