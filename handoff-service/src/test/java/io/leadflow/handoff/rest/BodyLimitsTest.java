package io.leadflow.handoff.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.leadflow.handoff.Tokens;
import io.leadflow.problems.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Request bodies (docs/security.md, "Request bodies"): 16 KB, a routing document 256 KB; a larger one is a 413
 * problem+json naming the limit, and nothing changes.
 */
@QuarkusTest
class BodyLimitsTest {

    @Test
    void a_routing_document_over_256_kb_is_refused_naming_the_limit_and_nothing_changes() {
        int before = routingVersion();
        String body = "{\"rules\": [], \"note\": \"%s\"}".formatted("x".repeat(256 * 1024));

        // with Expect: 100-continue the client sends the body only once the service said it wants it: the 413 comes
        // before it, so the client never writes into a connection the service already closed (a broken pipe)
        given().header("Authorization", Tokens.ADMIN).header("Expect", "100-continue").contentType(ContentType.JSON).body(body)
                .when().put("/v1/routing")
                .then().statusCode(413)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("status", is(413))
                .body("limit", is(256 * 1024))
                .body("errors.field", contains("body"));

        assertThat(routingVersion()).isEqualTo(before);
    }

    @Test
    void a_routing_document_over_16_kb_is_still_read() {
        String body = "{\"note\": \"%s\"}".formatted("x".repeat(20 * 1024));

        // read and judged on its content
        given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON).body(body)
                .when().put("/v1/routing")
                .then().statusCode(400);
    }

    @Test
    void any_other_endpoint_takes_16_kb() {
        given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON)
                .body("{\"note\": \"%s\"}".formatted("x".repeat(16 * 1024)))
                .when().post("/v1/handoffs/{id}/accept", UUID.randomUUID().toString())
                .then().statusCode(413)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("limit", is(16 * 1024));
    }

    private static int routingVersion() {
        return given().header("Authorization", Tokens.ADMIN).when().get("/v1/routing").then().statusCode(200).extract().path("version");
    }
}
