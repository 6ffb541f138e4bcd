package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.leadflow.testsupport.ManagementInterface;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Health, metrics and the OpenAPI document answer on the management port only (docs/security.md,
 * "Management port"): the API port, the one a Service or an ingress exposes, does not serve them.
 */
@QuarkusTest
class ManagementPortTest {

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"})
    void the_api_port_does_not_serve(String path) {
        given().when().get(path).then().statusCode(404);
    }

    @Test
    void the_management_port_serves_health_metrics_and_the_openapi_document() {
        given().baseUri(ManagementInterface.baseUri()).when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().baseUri(ManagementInterface.baseUri()).when().get("/q/health/live").then().statusCode(200);
        given().baseUri(ManagementInterface.baseUri()).when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().baseUri(ManagementInterface.baseUri()).when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/v1/events"));
    }

    @Test
    void livenessAndReadinessWatchTheKafkaClientThreads() {
        // Given the service up, its producer's I/O thread alive
        // When the orchestrator probes liveness and readiness
        // Then both hold the Kafka client threads' check (kafka-health), UP
        for (String probe : new String[] {"/q/health/live", "/q/health/ready"}) {
            given().baseUri(ManagementInterface.baseUri()).when().get(probe).then().statusCode(200)
                    .body("checks.find { it.name == 'kafka-client-threads' }.status", is("UP"));
        }
    }
}
