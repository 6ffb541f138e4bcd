package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rate limits, with the test key {@code lf_test_limited} (1 a second, burst 2), addresses limited to
 * 1 a second (burst 40) and given by X-Forwarded-For (trusted in tests only).
 */
@QuarkusTest
class RateLimitsTest {

    @Test
    void a_key_over_its_limit_is_answered_429_with_retry_after() {
        // refused events still count: a limit protects the service, whatever is sent
        for (int i = 0; i < 2; i++) {
            postAsLimitedKey().then().statusCode(400);
        }

        postAsLimitedKey().then()
                .statusCode(429)
                .contentType(Problems.MEDIA_TYPE)
                .header("Retry-After", "1")
                .body("detail", containsString("write key limited"));
    }

    @Test
    void an_address_over_its_limit_is_answered_429_and_other_addresses_are_not() {
        // Given an address that spent its burst of 40 (in tests it refills at 1 a second)
        String flooder = "203.0.113.77";
        int passed = 0;
        io.restassured.response.Response answer = postForm(flooder);
        while (answer.statusCode() == 404) {
            passed++;
            assertThat(passed).as("requests let through").isLessThan(100);
            answer = postForm(flooder);
        }
        assertThat(passed).isGreaterThanOrEqualTo(40);

        // Then it is refused with Retry-After, while another address is not
        answer.then().statusCode(429).contentType(Problems.MEDIA_TYPE).header("Retry-After", "1");
        postForm("203.0.113.78").then().statusCode(404);
    }

    private static io.restassured.response.Response postAsLimitedKey() {
        return given().auth().preemptive().basic("lf_test_limited", "").contentType(ContentType.JSON)
                .body("{\"type\": \"not.a.type\", \"email\": \"ada@example.com\"}")
                .when().post("/v1/events");
    }

    private static io.restassured.response.Response postForm(String address) {
        return given().redirects().follow(false).header("X-Forwarded-For", address)
                .contentType(ContentType.URLENC).formParams(Map.of("email", "ada@example.com"))
                .when().post("/v1/forms/no-such-form");
    }
}
