package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The alerts: one for each thing an operator must hear of, on metrics that exist (a leadflow_* meter the code
 * registers, a cnpg_leadflow_* one the database exporter's custom queries define), each with its runbook entry; and
 * Prometheus (kube-prometheus-stack) selects the rule and every monitor.
 */
class PrometheusRuleTest {

    private static final String RELEASE = "kube-prometheus-stack";
    private static final Pattern CNPG_METRIC = Pattern.compile("\\bcnpg_(leadflow_[a-z_]+)\\b");
    private static final Pattern HEADING = Pattern.compile("(?m)^## (\\S+)\\s*$");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thereIsAnAlertForEachThingAnOperatorMustHearOf(String overlay) {
        List<JsonNode> rules = alerts(Overlays.rendered(overlay));

        // consumer lag growing, dead letters, SLA breaches, capture 5xx and 503, outbox backlog, CRM sync failures
        assertThat(rules).extracting(rule -> rule.path("alert").asText()).contains("LeadflowConsumerLagGrowing",
                "LeadflowDeadLettersArriving", "LeadflowHandoffSlaBreached", "LeadflowCaptureServerErrors", "LeadflowCaptureUnavailable",
                "LeadflowOutboxBacklog", "LeadflowCrmSyncFailing");
        assertThat(rules).allSatisfy(rule -> assertThat(rule.path("labels").path("severity").asText()).isIn("info", "warning", "critical"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAlertUsesMetricsThatExist(String overlay) throws IOException {
        RenderedManifests manifests = Overlays.rendered(overlay);
        Set<String> queried = cnpgMetrics(manifests.get("ConfigMap", "leadflow-db-metrics").path("data").path("queries.yaml").asText());
        Set<String> registered = CodeMeters.registered();

        for (JsonNode rule : alerts(manifests)) {
            String expression = rule.path("expr").asText();
            assertThat(CodeMeters.usedBy(expression)).as("%s's leadflow meters", rule.path("alert").asText()).isSubsetOf(registered);
            Matcher cnpg = CNPG_METRIC.matcher(expression);
            while (cnpg.find()) {
                assertThat(queried).as("%s's database metrics", rule.path("alert").asText()).contains(cnpg.group(1));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAlertHasARunbookEntryThatSaysWhatItMeansAndWhatToDoFirst(String overlay) throws IOException {
        String runbook = Files.readString(Overlays.root().resolve("docs/runbook.md"));
        Set<String> anchors = new TreeSet<>();
        HEADING.matcher(runbook).results().forEach(heading -> anchors.add(heading.group(1).toLowerCase(Locale.ROOT)));

        for (JsonNode rule : alerts(Overlays.rendered(overlay))) {
            String alert = rule.path("alert").asText();
            assertThat(rule.path("annotations").path("runbook_url").asText()).as(alert).isEqualTo("docs/runbook.md#" + alert.toLowerCase(Locale.ROOT));
            assertThat(anchors).as("runbook entries").contains(alert.toLowerCase(Locale.ROOT));
            String entry = runbook.substring(runbook.indexOf("## " + alert));
            entry = entry.substring(0, entry.indexOf("\n## ", 3) < 0 ? entry.length() : entry.indexOf("\n## ", 3));
            assertThat(entry).as("%s's runbook entry", alert).contains("**What it means.**").contains("**First steps.**");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kubePrometheusStackSelectsTheRuleAndEveryMonitor(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        for (String kind : List.of("PodMonitor", "PrometheusRule")) {
            assertThat(manifests.ofKind(kind)).as(kind).isNotEmpty().allSatisfy(object -> assertThat(
                    object.path("metadata").path("labels").path("release").asText()).as("%s %s", kind, RenderedManifests.name(object)).isEqualTo(RELEASE));
        }
        // the database's and the Pooler's exporters too, now that the operator makes no monitor
        assertThat(manifests.ofKind("PodMonitor").map(RenderedManifests::name)).contains("leadflow-db", "leadflow-db-pooler");
        assertThat(manifests.get("Cluster", "leadflow-db").path("spec").path("monitoring").path("enablePodMonitor").asBoolean()).isFalse();
    }

    private static List<JsonNode> alerts(RenderedManifests manifests) {
        return manifests.get("PrometheusRule", "leadflow").path("spec").path("groups").findParents("alert");
    }

    /** cnpg_<query>_<column> for each GAUGE or COUNTER column of the exporter's custom queries. */
    private static Set<String> cnpgMetrics(String queriesYaml) throws IOException {
        Set<String> metrics = new TreeSet<>();
        new ObjectMapper(new YAMLFactory()).readTree(queriesYaml).properties().forEach(query -> query.getValue().path("metrics")
                .forEach(column -> column.properties().forEach(definition -> {
                    if (!definition.getValue().path("usage").asText().equals("LABEL")) {
                        metrics.add(query.getKey() + "_" + definition.getKey());
                    }
                })));
        return metrics;
    }
}
