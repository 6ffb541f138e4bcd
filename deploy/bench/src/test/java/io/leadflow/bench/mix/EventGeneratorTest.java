package io.leadflow.bench.mix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EventSchemas;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {

    private final EventGenerator generator = new EventGenerator(EventMix.realistic(), new LeadPopulation("t", 100, 1), 1);

    @Test
    void whatTheBacklogWritesIsAValidEngagementCaptured() throws Exception {
        for (BenchEvent event : generator.next(200)) {
            JsonNode data = EventJson.MAPPER.readTree(EventJson.captured(event, Instant.now()));

            assertThat(EventSchemas.validate(EngagementCaptured.TYPE, data)).as(data.toString()).isEmpty();
            assertThat(data.get("leadKey").asText()).isEqualTo(event.email());
        }
    }

    @Test
    void aBatchBodyCarriesEveryEventInTheNativeApiShape() throws Exception {
        List<BenchEvent> events = generator.next(50);

        JsonNode body = EventJson.MAPPER.readTree(EventJson.batch(events));

        assertThat(body.get("events")).hasSize(50);
        JsonNode first = body.get("events").get(0);
        assertThat(first.get("type").asText()).isEqualTo(events.get(0).type().wireName());
        assertThat(first.get("eventId").asText()).isEqualTo(events.get(0).eventId());
        assertThat(first.get("email").asText()).isEqualTo(events.get(0).email());
    }
}
