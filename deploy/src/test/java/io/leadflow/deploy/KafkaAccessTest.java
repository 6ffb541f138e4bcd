package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.events.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kafka side of the manifests against the code: each service's KafkaUser grants exactly what its
 * channels and outbox use, every contract topic exists with its dead-letter topic, and autoscaling
 * never runs more consumers than partitions.
 */
class KafkaAccessTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceMayReadAndWriteExactlyWhatItsCodeReadsAndWrites(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        for (String service : Overlays.SERVICES) {
            // Given what the service's channel configuration and outbox calls use
            ServiceKafkaAccess access = ServiceKafkaAccess.derive(Overlays.root().resolve(service));
            assertThat(access.writeTopics()).as("%s writes something", service).isNotEmpty();

            // Then its KafkaUser (SCRAM-SHA-512) grants that and nothing more
            JsonNode user = manifests.get("KafkaUser", access.service());
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            assertThat(grantedAcls(user)).as("ACLs of KafkaUser %s in %s (derived from %s/src/main)", service, overlay, service)
                    .containsExactlyInAnyOrderElementsOf(access.expectedAcls());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContractTopicHasAKafkaTopicAndADeadLetterTopic(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);
        int replicas = overlay.equals("prod") ? 3 : 1;

        for (String topic : contractTopics()) {
            for (String name : Set.of(topic, Topics.deadLetter(topic))) {
                JsonNode kafkaTopic = manifests.ofKind("KafkaTopic").filter(t -> t.path("spec").path("topicName").asText().equals(name))
                        .findFirst().orElseThrow(() -> new AssertionError(overlay + " has no KafkaTopic " + name));
                assertThat(kafkaTopic.path("spec").path("replicas").asInt()).as("%s replicas", name).isEqualTo(replicas);
                // cleaned up as the contract says (lead-scores compacted, the others not)
                Topics.cleanup(name).forEach((key, value) ->
                        assertThat(kafkaTopic.path("spec").path("config").path(key).asText()).as("%s %s", name, key).isEqualTo(value));
                assertThat(kafkaTopic.path("spec").path("config").path("retention.ms").asLong()).as(name).isPositive();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void consumersScaleOnLagOfWhatTheyReadAndNeverBeyondItsPartitions(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        for (String service : Overlays.SERVICES) {
            ServiceKafkaAccess access = ServiceKafkaAccess.derive(Overlays.root().resolve(service));
            if (access.readTopics().isEmpty()) {
                // capture consumes nothing: it scales on CPU
                JsonNode hpa = manifests.get("HorizontalPodAutoscaler", service);
                assertThat(hpa.path("spec").path("metrics").findValuesAsText("name")).contains("cpu");
                continue;
            }
            JsonNode scaled = manifests.get("ScaledObject", service);
            JsonNode triggers = scaled.path("spec").path("triggers");
            Set<String> triggerTopics = new TreeSet<>(triggers.findValuesAsText("topic"));
            assertThat(triggerTopics).as("%s scales on lag of the topics it reads", service).isEqualTo(access.readTopics());
            assertThat(new TreeSet<>(triggers.findValuesAsText("consumerGroup"))).as(service).isEqualTo(access.groups());
            // a pod is useful while some topic it reads has a partition left for it
            int mostPartitions = access.readTopics().stream().mapToInt(manifests::partitions).max().orElseThrow();
            assertThat(scaled.path("spec").path("maxReplicaCount").asInt()).as("%s maxReplicaCount", service)
                    .isBetween(scaled.path("spec").path("minReplicaCount").asInt(1), mostPartitions);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void productionSurvivesLosingOneBrokerOneNodeOrOnePod(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        JsonNode config = manifests.get("Kafka", "leadflow").path("spec").path("kafka").path("config");
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
        JsonNode pool = manifests.get("KafkaNodePool", "dual-role").path("spec");
        assertThat(pool.path("replicas").asInt()).isEqualTo(3);
        assertThat(pool.path("template").path("pod").path("affinity").path("podAntiAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution")).isNotEmpty();
        // rack awareness: brokers know their zone and are spread over zones, so a partition's replicas are too
        JsonNode rack = manifests.get("Kafka", "leadflow").path("spec").path("kafka").path("rack");
        assertThat(rack.path("type").asText()).isEqualTo("topology-label");
        assertThat(rack.path("topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
        assertThat(pool.path("template").path("pod").path("topologySpreadConstraints").findValuesAsText("topologyKey"))
                .contains("topology.kubernetes.io/zone");
        assertThat(manifests.get("Cluster", "leadflow-db").path("spec").path("instances").asInt()).isEqualTo(3);
        for (String service : Overlays.SERVICES) {
            assertThat(manifests.get("PodDisruptionBudget", service).path("spec").path("minAvailable").asInt()).isEqualTo(1);
            assertThat(KubernetesManifestsTest.podSpec(manifests.get("Deployment", service)).path("affinity").path("podAntiAffinity"))
                    .as("%s anti-affinity", service).isNotEmpty();
        }
    }

    private static Set<String> grantedAcls(JsonNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            assertThat(resource.path("patternType").asText("literal")).as("%s grants by prefix", RenderedManifests.name(user)).isEqualTo("literal");
            for (String operation : KubernetesManifestsTest.texts(acl.path("operations"))) {
                acls.add(resource.path("type").asText() + ":" + resource.path("name").asText() + ":" + operation);
            }
        }
        return acls;
    }

    private static Set<String> contractTopics() {
        return Arrays.stream(Topics.class.getFields()).filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(KafkaAccessTest::value).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
