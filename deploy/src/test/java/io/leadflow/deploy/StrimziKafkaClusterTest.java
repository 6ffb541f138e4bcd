package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.List;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kafka cluster as Strimzi 1.x takes it: the v1 API only (Strimzi 1.0 removed v1beta2), none of the annotations
 * that used to turn KRaft and node pools on (v1 knows no other mode), and the Kafka version of the clients the
 * services are built with, with that version's metadata level.
 */
class StrimziKafkaClusterTest {

    private static final List<String> STRIMZI_KINDS = List.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser");
    private static final List<String> RETIRED_ANNOTATIONS = List.of("strimzi.io/kraft", "strimzi.io/node-pools");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyStrimziObjectUsesTheV1ApiTheModelServes(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        // the typed models of Strimzi 1.2 serve v1 alone
        for (List<String> versions : List.of(Kafka.VERSIONS, KafkaNodePool.VERSIONS, KafkaTopic.VERSIONS, KafkaUser.VERSIONS)) {
            assertThat(versions).containsExactly("v1");
        }
        for (String kind : STRIMZI_KINDS) {
            assertThat(manifests.ofKind(kind)).as("%s objects in %s", kind, overlay).isNotEmpty()
                    .allSatisfy(object -> assertThat(object.path("apiVersion").asText()).as("%s %s", kind, RenderedManifests.name(object))
                            .isEqualTo("kafka.strimzi.io/v1"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theClusterRunsTheClientsKafkaVersionWithoutTheRetiredAnnotations(String overlay) {
        // Given the rendered Kafka and the Kafka clients' version on this classpath (the services' own)
        JsonNode kafka = Overlays.rendered(overlay).get("Kafka", "leadflow");
        String clientVersion = AppInfoParser.getVersion();

        // Then the brokers run that version, at its metadata level (4.2.1 -> 4.2-IVn), never an older one
        JsonNode spec = kafka.path("spec").path("kafka");
        assertThat(clientVersion).startsWith("4.2.");
        assertThat(spec.path("version").asText()).isEqualTo(clientVersion);
        String majorMinor = clientVersion.substring(0, clientVersion.lastIndexOf('.'));
        assertThat(spec.path("metadataVersion").asText()).matches(java.util.regex.Pattern.quote(majorMinor) + "-IV\\d+");
        // and nothing carries the annotations Strimzi 1.x no longer reads
        Overlays.rendered(overlay).objects().forEach(object -> assertThat(object.path("metadata").path("annotations").properties())
                .as("annotations of %s %s", object.path("kind").asText(), RenderedManifests.name(object))
                .noneSatisfy(annotation -> assertThat(RETIRED_ANNOTATIONS).contains(annotation.getKey())));
    }
}
