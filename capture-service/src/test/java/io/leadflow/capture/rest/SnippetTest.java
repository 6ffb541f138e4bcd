package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The snippet and its example page are served. */
@QuarkusTest
class SnippetTest {

    @Test
    void the_snippet_and_the_example_page_are_served() {
        given().when().get("/v1/leadflow.js").then().statusCode(200).body(containsString("sendBeacon"));
        given().when().get("/example.html").then().statusCode(200).body(containsString("/v1/leadflow.js"));
    }
}
