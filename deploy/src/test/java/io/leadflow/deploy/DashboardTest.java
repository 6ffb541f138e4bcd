package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard only plots meters that the code registers (a renamed meter fails here). */
class DashboardTest {

    // leadflow_x_y_total, leadflow_x_y_seconds_max, ... as Micrometer's Prometheus registry names them
    private static final Pattern PROMETHEUS_NAME = Pattern.compile("\\bleadflow_([a-z_]+?)(?:_seconds)?(?:_total|_sum|_count|_max|_bucket)?\\b");
    private static final Pattern METER_NAME = Pattern.compile("\"(leadflow\\.[a-z.]+)\"");

    @Test
    void everyLeadflowMetricOnTheDashboardIsRegisteredByTheCode() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Overlays.root().resolve("deploy/k8s/base/dashboards/leadflow.json").toFile());
        List<String> expressions = dashboard.path("panels").findValuesAsText("expr");
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);

        Set<String> plotted = new TreeSet<>();
        expressions.forEach(expr -> {
            Matcher name = PROMETHEUS_NAME.matcher(expr);
            while (name.find()) {
                plotted.add("leadflow." + name.group(1).replace('_', '.'));
            }
        });
        assertThat(plotted).contains("leadflow.events.in", "leadflow.events.out", "leadflow.capture.events.accepted")
                .isSubsetOf(meterNamesInCode());
    }

    private static Set<String> meterNamesInCode() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Overlays.root())) {
            files.filter(path -> path.toString().endsWith(".java") && path.toString().contains("/src/main/java/")).forEach(file -> {
                try {
                    METER_NAME.matcher(Files.readString(file)).results().forEach(match -> names.add(match.group(1)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return names;
    }
}
