package io.leadflow.scoring.rest;

import static io.restassured.RestAssured.given;

import io.leadflow.scoring.Tokens;
import io.leadflow.testsupport.SecurityHeaders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The response headers of docs/security.md, on answers, errors and the health checks alike. */
@QuarkusTest
class ResponseHeadersTest {

    @Test
    void an_api_answer_carries_them() {
        assertSecurityHeaders(given().header("Authorization", Tokens.ADMIN).get("/v1/scoring-model").then().statusCode(200));
    }

    @Test
    void error_answers_carry_them() {
        assertSecurityHeaders(given().header("Authorization", Tokens.ADMIN)
                .get("/v1/leads/{id}/score", UUID.randomUUID().toString()).then().statusCode(404));
        assertSecurityHeaders(given().get("/v1/scoring-model").then().statusCode(401));
        assertSecurityHeaders(given().get("/v1/no-such-resource").then().statusCode(404));
    }

    @Test
    void the_api_ports_answer_to_a_management_path_carries_them() {
        // health is served on the management port (ManagementPortTest): here /q/health is unknown, as any other path
        assertSecurityHeaders(given().get("/q/health").then().statusCode(404));
    }

    private static void assertSecurityHeaders(ValidatableResponse response) {
        SecurityHeaders.OF_JSON_APIS.forEach(response::header);
    }
}
