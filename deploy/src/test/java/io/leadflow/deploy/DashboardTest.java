package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard only plots meters that the code registers (a renamed meter fails here). */
class DashboardTest {

    @Test
    void everyLeadflowMetricOnTheDashboardIsRegisteredByTheCode() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Overlays.root().resolve("deploy/k8s/base/dashboards/leadflow.json").toFile());
        List<String> expressions = dashboard.path("panels").findValuesAsText("expr");
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);

        Set<String> plotted = new TreeSet<>();
        expressions.forEach(expr -> plotted.addAll(CodeMeters.usedBy(expr)));
        assertThat(plotted).contains("leadflow.events.in", "leadflow.events.out", "leadflow.capture.events.accepted")
                .isSubsetOf(CodeMeters.registered());
    }
}
