package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadTraitsTest {

    @Test
    void theLatestEventWinsAndUntoldTraitsAreKept() {
        // given
        Map<String, Object> known = Map.of("company", "Analytical Engines", "jobTitle", "Engineer");
        Map<String, Object> told = new HashMap<>();
        told.put("jobTitle", "VP Engineering");
        told.put("country", "GB");
        told.put("industry", null);

        // when
        Map<String, Object> merged = LeadTraits.merge(known, told);

        // then
        assertThat(merged).containsOnly(
                Map.entry("company", "Analytical Engines"),
                Map.entry("jobTitle", "VP Engineering"),
                Map.entry("country", "GB"));
    }
}
