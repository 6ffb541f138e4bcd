package io.leadflow.txmessaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonRecordSetTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void rowsAreWrittenAsTheMapperWritesThemWhateverTheirValues() throws Exception {
        // Given rows of every kind of value the statements bind, text that needs escaping among them
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("event_id", "a \"quoted\" id\twith a tab, é and \u2028");
        first.put("points", 30);
        first.put("version", 9_007_199_254_740_993L);
        first.put("weight", 0.1 + 0.2);
        first.put("decayed", Double.valueOf(1e-7));
        first.put("identified", true);
        first.put("email", null);
        first.put("traits", Map.of("jobTitle", "VP", "employees", 250));
        first.put("roles", List.of("economic", "technical"));
        first.put("occurred_at", Instant.parse("2026-12-08T01:02:03.456789Z"));
        first.put("lead_id", UUID.fromString("0b7e6f1c-3d1a-4c1e-9a55-1f4e2d3c4b5a"));
        first.put("amount", new BigDecimal("12.50"));
        Map<String, Object> second = new HashMap<>();
        second.put("event_id", "");
        second.put("points", -5);
        List<Map<String, Object>> rows = Arrays.asList(first, second);

        // Then the text is the one the mapper writes, so PostgreSQL reads the same rows
        assertThat(JsonRecordSet.of(json, rows)).isEqualTo(json.writeValueAsString(rows));
    }

    @Test
    void noRowsAreAnEmptyArray() {
        assertThat(JsonRecordSet.of(json, List.of())).isEqualTo("[]");
    }
}
