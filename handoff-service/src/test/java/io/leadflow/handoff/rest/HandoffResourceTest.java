package io.leadflow.handoff.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.leadflow.handoff.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The query rules of {@code GET /v1/handoffs}; listing real handoffs is in LifecycleConsumerTest. */
@QuarkusTest
class HandoffResourceTest {

    @Test
    void aMissingEmailIsAProblemNamingTheField() {
        given().header("Authorization", Tokens.ADMIN)
                .when().get("/v1/handoffs")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("type", is("https://leadflow.io/problems/invalid-request"))
                .body("title", is("Invalid request"))
                .body("status", is(400))
                .body("detail", is("email is required"))
                .body("errors", hasSize(1))
                .body("errors[0].field", is("email"))
                .body("errors[0].message", is("is required"));
    }

    @Test
    void aBlankEmailIsAProblemNamingTheField() {
        given().header("Authorization", Tokens.ADMIN).queryParam("email", "  ")
                .when().get("/v1/handoffs")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", is("email"));
    }

    @Test
    void aLeadWithoutHandoffsHasAnEmptyList() {
        given().header("Authorization", Tokens.ADMIN).queryParam("email", "nobody-handed-off@example.com")
                .when().get("/v1/handoffs")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("$", hasSize(0));
    }
}
