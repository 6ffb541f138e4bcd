package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** deploy/compose.yaml, read with its anchors and merge keys resolved: the stack a Docker user gets. */
class ComposeStackTest {

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        try (Reader reader = Files.newBufferedReader(Overlays.root().resolve("deploy/compose.yaml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void runsKafkaInKraftModeAtTheClientsVersionPostgresAndACrmStandIn() {
        assertThat(services).containsKeys("kafka", "kafka-topics", "postgres", "crm",
                "capture-service", "scoring-service", "handoff-service", "crm-sync-service");
        // each image overridable (deploy/images/compose-up passes the ones made without a registry), by default the
        // public one; Kafka at the version of the services' Kafka clients
        assertThat(defaultImage("kafka")).isEqualTo("docker.io/apache/kafka:" + org.apache.kafka.common.utils.AppInfoParser.getVersion());
        assertThat(defaultImage("kafka-topics")).isEqualTo(defaultImage("kafka"));
        assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat(defaultImage("postgres")).startsWith("docker.io/library/postgres:");
        assertThat(defaultImage("crm")).startsWith("docker.io/wiremock/wiremock:");
    }

    /** The default of an image given as {@code ${VARIABLE:-default}}; fails on an image that cannot be overridden. */
    private static String defaultImage(String service) {
        Matcher image = Pattern.compile("\\$\\{LEADFLOW_[A-Z_]+_IMAGE:-(.+)}").matcher(String.valueOf(services.get(service).get("image")));
        assertThat(image.matches()).as("%s image %s is overridable", service, services.get(service).get("image")).isTrue();
        return image.group(1);
    }

    @Test
    void createsEveryContractTopicAndItsDeadLetterTopicAsKubernetesDoes() throws IOException {
        Map<String, String> composeTopics = composeTopics(String.valueOf(services.get("kafka-topics").get("command")));
        Map<String, String> kubernetesTopics = kubernetesTopics();
        Arrays.stream(Topics.class.getFields()).map(ComposeStackTest::value).forEach(topic -> {
            for (String name : new String[] {topic, Topics.deadLetter(topic)}) {
                // same partitions and config (cleanup policy, retention, ...) as its KafkaTopic in deploy/k8s/base/kafka/topics.yaml
                assertThat(composeTopics.get(name)).as("creates %s", name).isNotNull().isEqualTo(kubernetesTopics.get(name));
            }
        });
    }

    /** "partitions {config}" of each topic the script creates ({@code create <topic> <partitions> <key>=<value>...}), by name. */
    private static Map<String, String> composeTopics(String script) {
        Map<String, String> topics = new HashMap<>();
        Matcher create = Pattern.compile("(?m)^\\s*create (\\S+) (\\d+) (.*)$").matcher(script);
        while (create.find()) {
            Map<String, String> config = new TreeMap<>();
            for (String setting : create.group(3).trim().split("\\s+")) {
                String[] keyAndValue = setting.split("=", 2);
                config.put(keyAndValue[0], keyAndValue[1]);
            }
            topics.put(create.group(1), create.group(2) + " " + config);
        }
        return topics;
    }

    /** "partitions {config}" of each KafkaTopic in the Kubernetes base, by topic name. */
    private static Map<String, String> kubernetesTopics() throws IOException {
        Map<String, String> topics = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(Overlays.root().resolve("deploy/k8s/base/kafka/topics.yaml"))) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document instanceof Map<?, ?> topic && topic.get("spec") instanceof Map<?, ?> spec) {
                    Map<String, String> config = new TreeMap<>();
                    ((Map<?, ?>) spec.get("config")).forEach((key, value) -> config.put(String.valueOf(key), String.valueOf(value)));
                    topics.put(String.valueOf(spec.get("topicName")), spec.get("partitions") + " " + config);
                }
            }
        }
        return topics;
    }

    @ParameterizedTest
    @ValueSource(strings = {"capture-service", "scoring-service", "handoff-service", "crm-sync-service"})
    void eachServiceRunsHardenedFromItsDockerfileWithItsOwnSchemaAndRole(String service) throws IOException {
        Map<String, Object> definition = services.get(service);
        // built from the one service Dockerfile with the module as context
        @SuppressWarnings("unchecked")
        Map<String, Object> build = (Map<String, Object>) definition.get("build");
        Path context = Overlays.root().resolve("deploy").resolve(String.valueOf(build.get("context"))).normalize();
        assertThat(context).isEqualTo(Overlays.root().resolve(service));
        assertThat(context.resolve(String.valueOf(build.get("dockerfile"))).normalize()).isEqualTo(Overlays.root().resolve("deploy/docker/service.Dockerfile"));
        // on the Java 25 base, overridable where no registry can be reached
        assertThat(String.valueOf(build.get("args"))).contains("BASE_IMAGE=${LEADFLOW_BASE_IMAGE:-docker.io/library/eclipse-temurin:25-jre-");
        // non-root, read-only root filesystem with a tmpfs /tmp, no capabilities
        assertThat(definition).containsEntry("read_only", true).containsEntry("user", "10001:10001");
        assertThat(String.valueOf(definition.get("tmpfs"))).contains("/tmp");
        assertThat(String.valueOf(definition.get("cap_drop"))).contains("ALL");
        // the broker, and the schema the service migrates (its quarkus.flyway.schemas), as its own role
        Map<String, Object> env = environment(service);
        assertThat(env).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:19092");
        String schema = config(service).getProperty("quarkus.flyway.schemas");
        if (schema == null) {
            assertThat(env).doesNotContainKey("QUARKUS_DATASOURCE_REACTIVE_URL");
        } else {
            assertThat(env).containsEntry("QUARKUS_DATASOURCE_USERNAME", schema)
                    .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://postgres:5432/leadflow?search_path=" + schema)
                    .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres:5432/leadflow?currentSchema=" + schema);
            assertThat(Files.readString(Overlays.root().resolve("deploy/docker/postgres/init-roles.sh")))
                    .contains("CREATE SCHEMA " + schema + " AUTHORIZATION " + schema + ";");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }

    private static Properties config(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Overlays.root().resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static String value(java.lang.reflect.Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
