package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/** The CRD schemas refuse what the API server would: unknown fields, wrong types, missing required fields, unknown enum values. */
class CrdSchemasTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void aClusterWithAMisspelledFieldIsRefusedNamingTheField() throws Exception {
        // Given a valid Cluster
        ObjectNode cluster = (ObjectNode) YAML.readTree("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db, namespace: leadflow}
                spec:
                  instances: 3
                  enablePDB: true
                  primaryUpdateStrategy: unsupervised
                  storage: {size: 1Gi}
                  resources: {requests: {cpu: 250m, memory: 512Mi}, limits: {memory: 1Gi}}
                """);
        assertThat(CrdSchemas.problems(cluster)).isEmpty();

        // When a field is misspelled
        ObjectNode spec = (ObjectNode) cluster.get("spec");
        spec.set("instanses", spec.remove("instances"));

        // Then it is refused, naming the unknown field (and the required one now missing)
        assertThat(CrdSchemas.problems(cluster))
                .anySatisfy(problem -> assertThat(problem).contains("instanses").contains("not defined in the schema"))
                .anySatisfy(problem -> assertThat(problem).contains("required property 'instances' not found"));
    }

    @Test
    void aClusterWithAnUnknownEnumValueIsRefused() throws Exception {
        JsonNode cluster = YAML.readTree("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec: {instances: 1, primaryUpdateStrategy: automatic}
                """);

        assertThat(CrdSchemas.problems(cluster)).singleElement().asString().contains("primaryUpdateStrategy");
    }

    @Test
    void aScaledObjectWithAWronglyTypedFieldIsRefusedNamingTheField() throws Exception {
        JsonNode scaledObject = YAML.readTree("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: scoring-service}
                spec:
                  scaleTargetRef: {name: scoring-service}
                  minReplicaCount: 1
                  maxReplicaCount: twelve
                  triggers:
                    - type: kafka
                      metadata: {topic: leadflow.engagement.v1, lagThreshold: "1000"}
                      authenticationRef: {name: keda-kafka}
                """);

        assertThat(CrdSchemas.problems(scaledObject)).singleElement().asString()
                .contains("$.spec.maxReplicaCount").contains("string found, integer expected");
    }

    @Test
    void aTriggerAuthenticationNeedsItsSpecAndAScheduledBackupItsCluster() throws Exception {
        JsonNode triggerAuthentication = YAML.readTree("""
                apiVersion: keda.sh/v1alpha1
                kind: TriggerAuthentication
                metadata: {name: keda-kafka}
                """);
        JsonNode scheduledBackup = YAML.readTree("""
                apiVersion: postgresql.cnpg.io/v1
                kind: ScheduledBackup
                metadata: {name: nightly}
                spec: {schedule: "0 0 2 * * *"}
                """);

        assertThat(CrdSchemas.problems(triggerAuthentication)).singleElement().asString().contains("required property 'spec'");
        assertThat(CrdSchemas.problems(scheduledBackup)).singleElement().asString().contains("required property 'cluster'");
    }

    @Test
    void aKindOrVersionWithoutASchemaIsNotTakenForOne() throws Exception {
        assertThat(CrdSchemas.has(YAML.readTree("{apiVersion: keda.sh/v1alpha1, kind: ScaledObject}"))).isTrue();
        assertThat(CrdSchemas.has(YAML.readTree("{apiVersion: keda.sh/v1beta1, kind: ScaledObject}"))).isFalse();
        assertThat(CrdSchemas.has(YAML.readTree("{apiVersion: postgresql.cnpg.io/v1, kind: Database}"))).isFalse();
    }
}
