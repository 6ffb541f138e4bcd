package io.leadflow.scoring.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.TestLeads;
import io.leadflow.scoring.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadResourceTest {

    @Test
    void findsALeadByItsEmailInAnyCase() {
        // given
        String email = TestEngagements.uniqueEmail("ada");
        TestEngagements.send(TestEngagements.of(email, EngagementType.WEBINAR_ATTENDED, Instant.parse("2026-11-22T09:00:00Z")));
        TestLeads.awaitScore(email, 15);

        // when / then
        given().header("Authorization", Tokens.ADMIN).queryParam("email", "  " + email.toUpperCase() + " ")
                .when().get("/v1/leads")
                .then().statusCode(200)
                .body("email", equalTo(email))
                .body("score", equalTo(15))
                .body("grade", equalTo("D"))
                .body("ledger[0].type", equalTo("webinar.attended"))
                .body("ledger[0].occurredAt", equalTo("2026-11-22T09:00:00Z"));
    }

    @Test
    void aMissingEmailIsAProblemNamingTheField() {
        given().header("Authorization", Tokens.ADMIN).when().get("/v1/leads")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid input"))
                .body("type", containsString("invalid-input"))
                .body("errors.field", hasItem("email"));
    }

    @Test
    void aBlankEmailIsAProblemNamingTheField() {
        given().header("Authorization", Tokens.ADMIN).queryParam("email", " ")
                .when().get("/v1/leads")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void anUnknownLeadIsNotFound() {
        given().header("Authorization", Tokens.ADMIN).queryParam("email", TestEngagements.uniqueEmail("nobody"))
                .when().get("/v1/leads")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("detail", containsString("no lead has the email"));
    }
}
