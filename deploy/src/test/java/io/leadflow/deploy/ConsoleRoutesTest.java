package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public entry (Gateway API): capture's endpoints, the APIs and the console reach their services over HTTPS with
 * certificates from cert-manager, nothing routes to the management endpoints (/q/*), and the console is wired to the
 * hosts the routes serve (the API URLs it calls, the origin the APIs allow).
 */
class ConsoleRoutesTest {

    private static final List<String> MANAGEMENT_PATHS = List.of("/q/health", "/q/metrics", "/q/openapi", "/q/health/ready");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRouteForwardsListedApiPathsToTheApiPortAndNoneReachesTheManagementEndpoints(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        manifests.ofKind("HTTPRoute").forEach(route -> route.path("spec").path("rules").forEach(rule -> {
            String name = RenderedManifests.name(route);
            if (rule.path("backendRefs").isEmpty()) {
                // a rule that forwards nothing: only the redirect to HTTPS
                assertThat(rule.path("filters").findValuesAsText("type")).as("%s rule without backends", name).containsExactly("RequestRedirect");
                return;
            }
            // every match names its paths (a match without one is every path), none of which covers /q/...
            assertThat(rule.path("matches")).as("%s matches", name).isNotEmpty();
            for (JsonNode match : rule.path("matches")) {
                String type = match.path("path").path("type").asText("");
                String value = match.path("path").path("value").asText("");
                assertThat(type).as("%s path type", name).isIn("PathPrefix", "Exact");
                assertThat(value).as("%s path", name).startsWith("/").isNotEqualTo("/");
                assertThat(MANAGEMENT_PATHS).as("%s: %s %s reaches a management endpoint", name, type, value)
                        .noneMatch(path -> type.equals("Exact") ? path.equals(value) : path.startsWith(value));
            }
            // to a Service's port whose target is the container's API port, never the management one
            for (JsonNode backend : rule.path("backendRefs")) {
                JsonNode service = manifests.get("Service", backend.path("name").asText());
                JsonNode port = StreamSupport.stream(service.path("spec").path("ports").spliterator(), false)
                        .filter(p -> p.path("port").asInt() == backend.path("port").asInt()).findFirst()
                        .orElseThrow(() -> new AssertionError(name + " forwards to a port its Service does not have"));
                assertThat(port.path("targetPort").asText()).as("%s target port", name).isEqualTo("http");
            }
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void captureTheApisAndTheConsoleAreServedOverHttpsWithCertificatesFromCertManager(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);
        JsonNode gateway = manifests.get("Gateway", "leadflow");
        assertThat(gateway.path("metadata").path("annotations").path("cert-manager.io/cluster-issuer").asText()).isNotBlank();

        for (String service : Overlays.SERVICES) {
            JsonNode route = manifests.get("HTTPRoute", service).path("spec");
            String host = route.path("hostnames").get(0).asText();
            assertThat(host).as("%s host", service).matches("[a-z0-9.-]+\\.[a-z]+");
            // attached to an HTTPS listener for that very host, whose certificate cert-manager issues into a Secret
            for (JsonNode parent : route.path("parentRefs")) {
                JsonNode listener = listener(gateway, parent.path("sectionName").asText());
                assertThat(listener.path("protocol").asText()).as("%s listener", service).isEqualTo("HTTPS");
                assertThat(listener.path("hostname").asText()).as("%s listener host", service).isEqualTo(host);
                assertThat(listener.path("tls").path("mode").asText("Terminate")).isEqualTo("Terminate");
                assertThat(listener.path("tls").path("certificateRefs").findValuesAsText("name")).as("%s certificate", service).hasSize(1);
            }
        }
        // plain HTTP only redirects
        manifests.ofKind("HTTPRoute").filter(route -> route.path("spec").path("parentRefs").findValuesAsText("sectionName").contains("http"))
                .forEach(route -> assertThat(route.path("spec").path("rules").findValuesAsText("scheme")).containsOnly("https"));
        // capture's public endpoints: the API and form posts, click links and the open pixel
        assertThat(manifests.get("HTTPRoute", "capture-service").path("spec").findValuesAsText("value")).contains("/v1/", "/c/", "/o/");
        assertThat(manifests.get("HTTPRoute", "handoff-service").path("spec").findValuesAsText("value")).contains("/console", "/v1/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theConsoleCallsTheApisAtTheirPublicHostsAndTheApisAllowItsOrigin(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        JsonNode console = manifests.get("ConfigMap", "handoff-service").path("data");
        assertThat(console.path("LEADFLOW_CONSOLE_SCORING_URL").asText()).isEqualTo("https://" + host(manifests, "scoring-service"));
        assertThat(console.path("LEADFLOW_CONSOLE_CRM_SYNC_URL").asText()).isEqualTo("https://" + host(manifests, "crm-sync-service"));
        for (String api : List.of("scoring-service", "crm-sync-service")) {
            assertThat(manifests.get("ConfigMap", api).path("data").path("LEADFLOW_CONSOLE_ORIGIN").asText()).as("%s CORS origin", api)
                    .isEqualTo("https://" + host(manifests, "handoff-service"));
        }
    }

    private static String host(RenderedManifests manifests, String route) {
        return manifests.get("HTTPRoute", route).path("spec").path("hostnames").get(0).asText();
    }

    private static JsonNode listener(JsonNode gateway, String name) {
        return StreamSupport.stream(gateway.path("spec").path("listeners").spliterator(), false)
                .filter(listener -> listener.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the Gateway has no listener " + name));
    }
}
