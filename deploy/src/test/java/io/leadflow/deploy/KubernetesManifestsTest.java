package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The security and operability properties every overlay's rendered manifests must have. */
class KubernetesManifestsTest {

    private static final Set<String> SECURITY_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod");
    // names of settings that hold credentials: their values must come from a Secret, never from a manifest
    private static final String MANAGEMENT = "management";
    private static final Pattern PLACEHOLDER_HOST = Pattern.compile("(?i)://([a-z0-9-]+\\.)*(example\\.(com|net|org)|[a-z0-9-]+\\.(example|test|invalid))([:/]|$)");
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i).*(password|secret|token|jaas|credential|private.?key).*");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rendersEveryServiceWithItsServiceAndKafkaUser(String overlay) {
        // Given the overlay rendered by kubectl kustomize
        RenderedManifests manifests = Overlays.rendered(overlay);

        // Then each service has its Deployment, Service, ConfigMap and KafkaUser, in namespace leadflow
        for (String service : Overlays.SERVICES) {
            for (String kind : List.of("Deployment", "Service", "ConfigMap", "KafkaUser")) {
                assertThat(manifests.find(kind, service)).as("%s %s in %s", kind, service, overlay).isPresent();
            }
        }
        assertThat(manifests.objects()).filteredOn(object -> !object.path("kind").asText().equals("Namespace"))
                .allSatisfy(object -> assertThat(object.path("metadata").path("namespace").asText()).isEqualTo("leadflow"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noPodIsPrivilegedOrRunsAsRoot(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        List<JsonNode> workloads = manifests.objects().stream().filter(o -> SECURITY_KINDS.contains(o.path("kind").asText())).toList();
        assertThat(workloads).isNotEmpty();
        for (JsonNode workload : workloads) {
            String name = RenderedManifests.name(workload);
            JsonNode pod = podSpec(workload);
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as("%s runAsNonRoot", name).isTrue();
            assertThat(pod.path("hostNetwork").asBoolean() || pod.path("hostPID").asBoolean() || pod.path("hostIPC").asBoolean())
                    .as("%s shares a host namespace", name).isFalse();
            assertThat(pod.path("volumes").findValues("hostPath")).as("%s mounts a host path", name).isEmpty();
            for (JsonNode container : containers(pod)) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("privileged").asBoolean(false)).as("%s privileged", name).isFalse();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as("%s allowPrivilegeEscalation", name).isFalse();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as("%s readOnlyRootFilesystem", name).isTrue();
                assertThat(texts(security.path("capabilities").path("drop"))).as("%s drops capabilities", name).contains("ALL");
                assertThat(security.path("capabilities").path("add")).as("%s adds capabilities", name).isEmpty();
            }
            // a read-only root still needs a writable /tmp (Vert.x's file cache): an emptyDir
            JsonNode tmp = containers(pod).get(0).path("volumeMounts").findParents("mountPath").stream()
                    .filter(mount -> mount.path("mountPath").asText().equals("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " mounts nothing at /tmp"));
            assertThat(volume(pod, tmp.path("name").asText()).has("emptyDir")).as("%s /tmp is an emptyDir", name).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noCredentialIsWrittenInAManifest(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        // no Secret objects at all: they are created outside the manifests (create-secrets) or by the operators
        assertThat(manifests.ofKind("Secret").map(RenderedManifests::name)).as("Secrets in %s", overlay).isEmpty();
        // no credential-looking key in a ConfigMap, and no literal JAAS or password inside a value
        manifests.ofKind("ConfigMap").forEach(map -> map.path("data").properties().forEach(entry -> {
            assertThat(entry.getKey()).as("ConfigMap %s key", RenderedManifests.name(map)).doesNotMatch(CREDENTIAL_NAME);
            assertThat(entry.getValue().asText()).as("ConfigMap %s %s", RenderedManifests.name(map), entry.getKey())
                    .doesNotContainPattern("(?i)password\\s*=\\s*\"?[^\"$\\s]").doesNotContainPattern("(?i)jaas\\.config\\s*=\\s*[^$]");
        }));
        // every credential-looking env var of a container comes from a Secret
        manifests.ofKind("Deployment").forEach(deployment -> containers(podSpec(deployment)).forEach(container -> {
            for (JsonNode env : container.path("env")) {
                if (CREDENTIAL_NAME.matcher(env.path("name").asText()).matches()) {
                    assertThat(env.has("value")).as("%s sets %s literally", RenderedManifests.name(deployment), env.path("name").asText()).isFalse();
                    assertThat(env.path("valueFrom").has("secretKeyRef")).as("%s %s from a Secret", RenderedManifests.name(deployment),
                            env.path("name").asText()).isTrue();
                }
            }
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasProbesOnTheHealthEndpointsLimitsAndAGracePeriod(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        manifests.ofKind("Deployment").forEach(deployment -> {
            String name = RenderedManifests.name(deployment);
            JsonNode pod = podSpec(deployment);
            assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as("%s grace period", name).isGreaterThanOrEqualTo(20);
            for (JsonNode container : containers(pod)) {
                assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/live");
                assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/ready");
                assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/started");
                // health is served on the management port only (docs/security.md, "Management port")
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    assertThat(container.path(probe).path("httpGet").path("port").asText()).as("%s %s port", name, probe).isEqualTo(MANAGEMENT);
                }
                for (String bound : List.of("requests", "limits")) {
                    JsonNode resources = container.path("resources").path(bound);
                    assertThat(resources.hasNonNull("cpu") && resources.hasNonNull("memory")).as("%s %s cpu and memory", name, bound).isTrue();
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceVerifiesBearerTokensAgainstTheOidcProviderOverHttps(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        // one place names the provider: its signing keys over HTTPS and its issuer
        JsonNode oidc = manifests.get("ConfigMap", "leadflow-oidc").path("data");
        assertThat(oidc.path("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText()).startsWith("https://");
        assertThat(oidc.path("MP_JWT_VERIFY_ISSUER").asText()).startsWith("https://");
        // the console signs people in through the same provider, as its client
        assertThat(oidc.path("LEADFLOW_CONSOLE_OIDC_CLIENT_ID").asText()).isNotBlank();
        // and every service reads it: without it a service would refuse every token
        for (String service : Overlays.SERVICES) {
            JsonNode container = containers(podSpec(manifests.get("Deployment", service))).get(0);
            assertThat(container.path("envFrom").findValuesAsText("name")).as("%s envFrom", service).contains("leadflow-oidc");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void prometheusScrapesEveryServiceOnItsMetricsEndpoint(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        JsonNode monitor = manifests.get("PodMonitor", "leadflow-services");
        JsonNode selector = monitor.path("spec").path("selector").path("matchLabels");
        assertThat(monitor.path("spec").path("podMetricsEndpoints").findValuesAsText("path")).containsExactly("/q/metrics");
        assertThat(monitor.path("spec").path("podMetricsEndpoints").findValuesAsText("port")).containsExactly(MANAGEMENT);
        manifests.ofKind("Deployment").forEach(deployment -> selector.properties().forEach(label ->
                assertThat(podLabels(deployment).path(label.getKey()).asText()).as("%s label %s", RenderedManifests.name(deployment),
                        label.getKey()).isEqualTo(label.getValue().asText())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theManagementPortIsTheOneQuarkusListensOnAndNoServiceOrPublicPolicyExposesIt(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        for (String service : Overlays.SERVICES) {
            // the container's port named management is the one the service's management interface listens on
            JsonNode container = containers(podSpec(manifests.get("Deployment", service))).get(0);
            String managementPort = manifests.get("ConfigMap", service).path("data").path("QUARKUS_MANAGEMENT_PORT").asText();
            assertThat(managementPort).as("%s QUARKUS_MANAGEMENT_PORT", service).isNotEmpty();
            assertThat(container.path("ports").findParents("name").stream()
                    .filter(port -> port.path("name").asText().equals(MANAGEMENT)).map(port -> port.path("containerPort").asText()))
                    .as("%s container port %s", service, MANAGEMENT).containsExactly(managementPort);
            // its Service forwards the API port alone
            assertThat(manifests.get("Service", service).path("spec").path("ports").findValuesAsText("targetPort"))
                    .as("Service %s target ports", service).containsExactly("http");
        }
        // a policy open to any peer (capture's public one) lets in the API port alone; the management port only from monitoring
        manifests.ofKind("NetworkPolicy").forEach(policy -> policy.path("spec").path("ingress").forEach(rule -> {
            List<String> ports = rule.path("ports").findValuesAsText("port");
            assertThat(ports).as("%s ports", RenderedManifests.name(policy)).isNotEmpty();
            if (!rule.has("from") || rule.path("from").isEmpty()) {
                assertThat(ports).as("%s, open to any peer", RenderedManifests.name(policy)).containsExactly("http");
            }
            if (ports.contains(MANAGEMENT)) {
                assertThat(rule.path("from").findValuesAsText("kubernetes.io/metadata.name")).as("%s: who reaches the management port",
                        RenderedManifests.name(policy)).containsExactly("monitoring");
                assertThat(rule.path("from")).as("%s: who reaches the management port", RenderedManifests.name(policy)).hasSize(1);
            }
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noServiceIsConfiguredToSendDataToAPlaceholderHost(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        // a placeholder target (the reserved example domains of RFC 2606) would satisfy a service's "no target, no start"
        // check and send it personal data: a deployment must name its own targets. (leadflow-oidc's placeholder provider
        // is only asked for signing keys: with it, every token is refused and nothing is sent.)
        // The console's URLs and origin (LEADFLOW_CONSOLE_*) are the browser's, copied from the overlay's public hosts, which
        // ConsoleRoutesTest holds to the HTTPRoutes: no service sends anything there.
        manifests.ofKind("ConfigMap").filter(map -> !RenderedManifests.name(map).equals("leadflow-oidc"))
                .forEach(map -> map.path("data").properties().stream().filter(entry -> !entry.getKey().startsWith("LEADFLOW_CONSOLE_")).forEach(entry ->
                        assertThat(entry.getValue().asText()).as("ConfigMap %s %s", RenderedManifests.name(map), entry.getKey())
                                .doesNotContainPattern(PLACEHOLDER_HOST)));
        assertThat(manifests.get("ConfigMap", "crm-sync-service").path("data").has("LEADFLOW_CRM_WEBHOOK_URL"))
                .as("crm-sync-service's webhook receiver is the overlay's to set").isFalse();
    }

    static JsonNode podSpec(JsonNode workload) {
        JsonNode spec = workload.path("spec");
        return switch (workload.path("kind").asText()) {
            case "Pod" -> spec;
            case "CronJob" -> spec.path("jobTemplate").path("spec").path("template").path("spec");
            default -> spec.path("template").path("spec");
        };
    }

    static List<JsonNode> containers(JsonNode podSpec) {
        List<JsonNode> all = new ArrayList<>();
        podSpec.path("initContainers").forEach(all::add);
        podSpec.path("containers").forEach(all::add);
        return all;
    }

    private static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    private static JsonNode volume(JsonNode podSpec, String name) {
        return StreamSupport.stream(podSpec.path("volumes").spliterator(), false)
                .filter(volume -> volume.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
