package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rendered object read into the typed model of its kind (fabric8's Kubernetes API and Gateway API models,
 * Strimzi's api, the Prometheus operator's PodMonitor and PrometheusRule) strictly: an unknown or misplaced field or a
 * value of the wrong type fails, where the models would otherwise keep it aside as an "additional
 * property". CloudNativePG's and KEDA's kinds have no typed model on Maven Central: they are validated
 * against the JSON Schema of their API version and kind ({@link CrdSchemas}). A kind with neither fails.
 */
class SchemaValidationTest {

    private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("Namespace", Namespace.class), Map.entry("ConfigMap", ConfigMap.class), Map.entry("Service", Service.class),
            Map.entry("Deployment", Deployment.class), Map.entry("NetworkPolicy", NetworkPolicy.class),
            Map.entry("PodDisruptionBudget", PodDisruptionBudget.class), Map.entry("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("PodMonitor", PodMonitor.class), Map.entry("Kafka", Kafka.class), Map.entry("KafkaNodePool", KafkaNodePool.class),
            Map.entry("KafkaTopic", KafkaTopic.class), Map.entry("KafkaUser", KafkaUser.class),
            Map.entry("Gateway", Gateway.class), Map.entry("HTTPRoute", HTTPRoute.class), Map.entry("PrometheusRule", PrometheusRule.class));

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new NoAnySetter())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectMatchesTheTypedModelOrSchemaOfItsKindAndVersion(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        List<String> problems = new ArrayList<>();
        Set<String> unvalidated = new TreeSet<>();
        for (JsonNode object : manifests.objects()) {
            String kind = object.path("kind").asText();
            String label = kind + " " + RenderedManifests.name(object);
            Class<? extends HasMetadata> model = MODELS.get(kind);
            if (model == null && CrdSchemas.has(object)) {
                CrdSchemas.problems(object).forEach(problem -> problems.add(label + ": " + problem));
                continue;
            }
            if (model == null) {
                unvalidated.add(object.path("apiVersion").asText() + " " + kind);
                continue;
            }
            if (!HasMetadata.getApiVersion(model).equals(object.path("apiVersion").asText())) {
                problems.add(label + ": apiVersion " + object.path("apiVersion").asText() + ", the model is " + HasMetadata.getApiVersion(model));
            }
            try {
                STRICT.treeToValue(object, model);
            } catch (Exception e) {
                problems.add(label + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }

        assertThat(problems).as("objects in %s that do not match their kind's model or schema", overlay).isEmpty();
        assertThat(unvalidated).as("kinds in %s with neither a typed model nor a schema", overlay).isEmpty();
    }

    /** Turns the models' catch-all for unknown properties off, so that an unknown property fails. */
    private static final class NoAnySetter extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }
    }
}
