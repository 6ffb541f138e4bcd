package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scaling down that actually applies: KEDA's cooldownPeriod only governs the step to zero pods, which a
 * minReplicaCount of one or more rules out; between the minimum and the maximum the HPA decides, so its behaviour
 * must say how fast pods leave (each consumer that leaves hands its partitions over in a rebalance).
 */
class AutoscalingTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void consumersScaleDownSlowlyThroughTheHpaBehaviourNotACooldownThatNeverApplies(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        manifests.ofKind("ScaledObject").forEach(scaled -> {
            String name = RenderedManifests.name(scaled);
            JsonNode spec = scaled.path("spec");
            assertThat(spec.path("minReplicaCount").asInt(0)).as("%s minReplicaCount", name).isPositive();
            assertThat(spec.has("cooldownPeriod")).as("%s sets a cooldownPeriod that never applies above zero pods", name).isFalse();
            assertSlowScaleDown(name, spec.path("advanced").path("horizontalPodAutoscalerConfig").path("behavior").path("scaleDown"));
        });
        JsonNode capture = manifests.get("HorizontalPodAutoscaler", "capture-service").path("spec");
        assertSlowScaleDown("capture-service", capture.path("behavior").path("scaleDown"));
    }

    private static void assertSlowScaleDown(String name, JsonNode scaleDown) {
        assertThat(scaleDown.path("stabilizationWindowSeconds").asInt()).as("%s scale-down window", name).isGreaterThanOrEqualTo(120);
        assertThat(scaleDown.path("policies")).as("%s scale-down policies", name).isNotEmpty().allSatisfy(policy -> {
            assertThat(policy.path("type").asText()).isEqualTo("Pods");
            assertThat(policy.path("value").asInt()).isEqualTo(1);
            assertThat(policy.path("periodSeconds").asInt()).isGreaterThanOrEqualTo(60);
        });
    }
}
