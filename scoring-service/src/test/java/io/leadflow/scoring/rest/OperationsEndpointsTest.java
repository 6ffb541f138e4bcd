package io.leadflow.scoring.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.TestLeads;
import io.leadflow.testsupport.ManagementInterface;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessReflectsKafkaAndTheDatabase() {
        given().baseUri(ManagementInterface.baseUri()).when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Kafka connection health check",
                        "Reactive PostgreSQL connections health check", "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void metricsCountTheEventsInAndOut() {
        // given an engagement was counted
        String email = TestEngagements.uniqueEmail("ops");
        TestEngagements.send(TestEngagements.of(email, EngagementType.FORM_SUBMITTED, Instant.parse("2026-11-22T09:00:00Z")));
        TestLeads.awaitScore(email, 10);

        // then
        given().baseUri(ManagementInterface.baseUri()).when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("leadflow_events_in_total{channel=\"engagement\""))
                .body(containsString("leadflow_events_processing_seconds"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().baseUri(ManagementInterface.baseUri()).when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", hasKey("/v1/leads"));
    }
}
