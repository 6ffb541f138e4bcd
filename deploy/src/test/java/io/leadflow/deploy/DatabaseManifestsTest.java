package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL as the services meet it: TLS that verifies the server's certificate and name on every connection, a
 * current image, and in production synchronous replication and backups through the Barman Cloud plugin.
 */
class DatabaseManifestsTest {

    private static final String CA_SECRET = "leadflow-db-ca";
    private static final String PLUGIN = "barman-cloud.cloudnative-pg.io";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDatabaseConnectionVerifiesTheServersCertificateAndName(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);
        JsonNode cluster = manifests.get("Cluster", "leadflow-db");
        List<String> certifiedHosts = new ArrayList<>(List.of(RenderedManifests.name(cluster) + "-rw"));
        cluster.path("spec").path("certificates").path("serverAltDNSNames").forEach(name -> certifiedHosts.add(name.asText()));

        for (String service : List.of("scoring-service", "handoff-service", "crm-sync-service")) {
            JsonNode env = manifests.get("ConfigMap", service).path("data");
            String ca = caFileMountedIn(manifests.get("Deployment", service));
            // JDBC (Flyway): verify-full against the cluster's CA
            String jdbc = env.path("QUARKUS_DATASOURCE_JDBC_URL").asText();
            assertThat(jdbc).as("%s JDBC URL", service).contains("sslmode=verify-full").contains("sslrootcert=" + ca);
            // reactive: verify-full, the CA, host name checked (Vert.x refuses verify-full without an algorithm)
            assertThat(env.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText()).as("%s reactive URL", service).contains("sslmode=verify-full");
            assertThat(env.path("QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE").asText()).as(service).isEqualTo("verify-full");
            assertThat(env.path("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM").asText()).as(service).isEqualTo("true");
            assertThat(env.path("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS").asText()).as(service).isEqualTo(ca);
            assertThat(env.path("QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM").asText()).as(service).isEqualTo("HTTPS");
            // and each host it connects to is one the server's certificate names
            for (String url : List.of(jdbc.replaceFirst("^jdbc:", ""), env.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText())) {
                assertThat(certifiedHosts).as("%s connects to %s", service, url).contains(URI.create(url).getHost());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDatabaseRunsACurrentStandardImage(String overlay) {
        String image = Overlays.rendered(overlay).get("Cluster", "leadflow-db").path("spec").path("imageName").asText();

        // PostgreSQL 17 or 18 on Debian trixie; not the deprecated "system" images (Barman Cloud inside)
        assertThat(image).matches("ghcr\\.io/cloudnative-pg/postgresql:(17|18)\\.\\d+-(standard|minimal)-trixie");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void productionReplicatesSynchronouslyAndBacksUpThroughTheBarmanCloudPlugin(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);
        JsonNode spec = manifests.get("Cluster", "leadflow-db").path("spec");

        // a COMMIT waits for one replica, and only a replica with every commit is promoted
        JsonNode synchronous = spec.path("postgresql").path("synchronous");
        assertThat(synchronous.path("number").asInt()).isBetween(1, spec.path("instances").asInt() - 1);
        assertThat(synchronous.path("dataDurability").asText("required")).isEqualTo("required");
        assertThat(synchronous.path("failoverQuorum").asBoolean()).isTrue();
        // WAL archiving by the plugin into an ObjectStore that exists; no in-tree barmanObjectStore left
        assertThat(spec.path("backup").path("barmanObjectStore").isMissingNode()).isTrue();
        JsonNode plugin = spec.path("plugins").get(0);
        assertThat(plugin.path("name").asText()).isEqualTo(PLUGIN);
        assertThat(plugin.path("isWALArchiver").asBoolean()).isTrue();
        assertThat(manifests.find("ObjectStore", plugin.path("parameters").path("barmanObjectName").asText())).isPresent();
        JsonNode backup = manifests.get("ScheduledBackup", "leadflow-db-nightly").path("spec");
        assertThat(backup.path("method").asText()).isEqualTo("plugin");
        assertThat(backup.path("pluginConfiguration").path("name").asText()).isEqualTo(PLUGIN);
    }

    /** The path of the CA file that the container mounts from the Secret {@value #CA_SECRET}. */
    private static String caFileMountedIn(JsonNode deployment) {
        JsonNode pod = KubernetesManifestsTest.podSpec(deployment);
        String volume = pod.path("volumes").findParents("secret").stream()
                .filter(v -> v.path("secret").path("secretName").asText().equals(CA_SECRET)).map(v -> v.path("name").asText())
                .findFirst().orElseThrow(() -> new AssertionError(RenderedManifests.name(deployment) + " has no volume of " + CA_SECRET));
        JsonNode mount = pod.path("containers").get(0).path("volumeMounts").findParents("mountPath").stream()
                .filter(m -> m.path("name").asText().equals(volume)).findFirst()
                .orElseThrow(() -> new AssertionError(RenderedManifests.name(deployment) + " does not mount " + volume));
        return mount.path("mountPath").asText() + "/ca.crt";
    }
}
