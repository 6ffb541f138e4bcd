package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one service Dockerfile runs each packaged fast-jar as the non-root user its Deployment expects. */
class ContainerImagesTest {

    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\d+)(?::(\\d+))?\\s*$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @ValueSource(strings = {"capture-service", "scoring-service", "handoff-service", "crm-sync-service"})
    void theImageRunsTheFastJarAsTheDeploymentsNonRootUser(String service) throws IOException {
        // Given the service Dockerfile and the service's Deployment in the Kubernetes base
        String dockerfile = Files.readString(Overlays.root().resolve("deploy/docker/service.Dockerfile"));
        JsonNode pod = KubernetesManifestsTest.podSpec(baseDeployment(service));

        // Then it copies the packaged quarkus-app and runs its quarkus-run.jar in JVM mode
        assertThat(dockerfile).contains("COPY target/quarkus-app/lib/", "COPY target/quarkus-app/app/", "COPY target/quarkus-app/quarkus/")
                .contains("ENTRYPOINT [\"java\", \"-jar\", \"/deployments/quarkus-run.jar\"]")
                // on an overridable base whose default is a public Java 25 runtime (deploy/images/build passes one made from
                // Debian's packages where no registry can be reached)
                .containsPattern("(?m)^ARG BASE_IMAGE=docker\\.io/library/eclipse-temurin:25-jre-[a-z]+$")
                .containsPattern("(?m)^FROM \\$\\{BASE_IMAGE}$");
        // as a numeric, non-root user that is the one the Deployment runs as (runAsNonRoot needs a number)
        Matcher user = USER.matcher(dockerfile);
        assertThat(user.find()).as("%s Dockerfile has a numeric USER", service).isTrue();
        assertThat(Integer.parseInt(user.group(1))).isPositive().isEqualTo(pod.path("securityContext").path("runAsUser").asInt());
        // listening on the port the Deployment probes
        assertThat(dockerfile).contains("EXPOSE 8080").contains("QUARKUS_HTTP_PORT=8080");
        assertThat(pod.path("containers").get(0).path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
        // nothing is written to the image at run time: no RUN step makes a writable directory in it
        assertThat(dockerfile).doesNotContainPattern("(?m)^RUN .*chmod");
    }

    private static JsonNode baseDeployment(String service) throws IOException {
        Path manifest = Overlays.root().resolve("deploy/k8s/base/services").resolve(service + ".yaml");
        try (var documents = YAML.readerFor(JsonNode.class).readValues(manifest.toFile())) {
            List<JsonNode> objects = documents.readAll().stream().map(JsonNode.class::cast).toList();
            return objects.stream().filter(o -> o.path("kind").asText().equals("Deployment")).findFirst()
                    .orElseThrow(() -> new AssertionError(manifest + " has no Deployment"));
        }
    }
}
