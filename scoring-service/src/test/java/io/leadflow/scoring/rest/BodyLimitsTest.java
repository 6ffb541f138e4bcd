package io.leadflow.scoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.leadflow.problems.Problem;
import io.leadflow.scoring.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Request bodies (docs/security.md, "Request bodies"): 16 KB, a scoring model 256 KB; a larger one is a 413
 * problem+json naming the limit, and nothing changes.
 */
@QuarkusTest
class BodyLimitsTest {

    @Test
    void a_model_over_256_kb_is_refused_naming_the_limit_and_nothing_is_published() {
        int versionsBefore = versions();
        String body = "{\"author\": \"max\", \"changelog\": \"%s\", \"model\": {}}".formatted("x".repeat(256 * 1024));

        // Expect: 100-continue: the 413 comes before the body is sent, so the client never writes into a closed connection
        given().header("Authorization", Tokens.ADMIN).header("Expect", "100-continue").contentType(ContentType.JSON).body(body)
                .when().put("/v1/scoring-model")
                .then().statusCode(413)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("status", is(413))
                .body("limit", is(256 * 1024))
                .body("errors.field", contains("body"));

        assertThat(versions()).isEqualTo(versionsBefore);
    }

    @Test
    void a_model_over_16_kb_is_still_read() {
        String body = "{\"author\": \"max\", \"changelog\": \"%s\", \"model\": {}}".formatted("x".repeat(20 * 1024));

        // read and judged on its content: an empty model is invalid
        given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/v1/scoring-model/preview")
                .then().statusCode(400);
    }

    @Test
    void any_other_endpoint_takes_16_kb() {
        given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON).body("\"" + "x".repeat(16 * 1024) + "\"")
                .when().post("/v1/scoring-model/versions/1/replay")
                .then().statusCode(413)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("limit", is(16 * 1024));
    }

    private static int versions() {
        return given().header("Authorization", Tokens.ADMIN).when().get("/v1/scoring-model/versions")
                .then().statusCode(200).extract().path("size()");
    }
}
