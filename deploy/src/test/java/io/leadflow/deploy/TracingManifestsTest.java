package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every service sends its spans to the one OTLP collector the manifests name, and may reach it. */
class TracingManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceExportsSpansOverOtlpToTheCollectorItMayReach(String overlay) {
        // Given the overlay rendered by kubectl kustomize
        RenderedManifests manifests = Overlays.rendered(overlay);

        // Then one ConfigMap names the collector (OTLP/HTTP) and a share of traces to keep
        JsonNode tracing = manifests.get("ConfigMap", "leadflow-tracing").path("data");
        URI collector = URI.create(tracing.path("OTEL_EXPORTER_OTLP_ENDPOINT").asText());
        assertThat(collector.getScheme()).isEqualTo("http");
        assertThat(collector.getPort()).isEqualTo(4318);
        assertThat(Double.parseDouble(tracing.path("OTEL_TRACES_SAMPLER_ARG").asText())).isBetween(0.0, 1.0);

        // and every service reads it
        for (String service : Overlays.SERVICES) {
            JsonNode container = KubernetesManifestsTest.containers(KubernetesManifestsTest.podSpec(manifests.get("Deployment", service))).get(0);
            assertThat(container.path("envFrom").findValuesAsText("name")).as("%s envFrom", service).contains("leadflow-tracing");
        }

        // and a NetworkPolicy lets every service's pods reach the collector's OTLP port, in its namespace
        JsonNode policy = manifests.get("NetworkPolicy", "leadflow-services-to-otel-collector").path("spec");
        assertThat(policy.path("podSelector").path("matchLabels").path("app.kubernetes.io/component").asText()).isEqualTo("service");
        assertThat(KubernetesManifestsTest.texts(policy.path("policyTypes"))).containsExactly("Egress");
        JsonNode egress = policy.path("egress").get(0);
        assertThat(egress.path("ports").findValuesAsText("port")).isEqualTo(List.of(String.valueOf(collector.getPort())));
        String collectorNamespace = collector.getHost().split("\\.")[1];
        assertThat(egress.path("to").get(0).path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText())
                .isEqualTo(collectorNamespace);
    }
}
