package io.leadflow.crmsync.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.leadflow.crmsync.SyncApi;
import io.leadflow.testsupport.ManagementInterface;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The HTTP surface besides the ledger's happy path (covered in HandoffSyncTest); infrastructure from HandoffSyncTest's resources. */
@QuarkusTest
class SyncResourceTest {

    @Test
    void unknownLeadHasNoSyncs() {
        SyncApi.asMarketingOps().get("/v1/sync/{leadId}", UUID.randomUUID().toString())
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void leadIdThatIsNotAUuidIsAProblemNamingTheField() {
        SyncApi.asMarketingOps().get("/v1/sync/{leadId}", "ada@example.com")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("type", containsString("invalid-input"))
                .body("title", equalTo("Invalid input"))
                .body("errors[0].field", equalTo("leadId"))
                .body("errors[0].message", containsString("UUID"));
    }

    @Test
    void readinessReflectsKafkaAndTheDatabase() {
        given().baseUri(ManagementInterface.baseUri()).get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().baseUri(ManagementInterface.baseUri()).get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().baseUri(ManagementInterface.baseUri()).get("/q/openapi").then().statusCode(200).body(containsString("/v1/sync/{leadId}"));
    }

    @Test
    void theSyncApiNeedsABearerJwtInTheOpenApiDocumentAndHubSpotsWebhookDoesNot() {
        given().baseUri(ManagementInterface.baseUri()).get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.jwt.scheme", equalTo("bearer"))
                .body("paths.'/v1/sync/{leadId}'.get.security[0].keySet()", contains("jwt"))
                .body("paths.'/v1/sync/{handoffId}/retry'.post.security[0].keySet()", contains("jwt"))
                .body("paths.'/v1/inbound/hubspot'.post.security", nullValue());
    }
}
