package io.leadflow.handoff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.handoff.messaging.SseClient;
import io.leadflow.testsupport.SecurityHeaders;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The response headers of docs/security.md, on a JSON answer, problems, the live stream and unknown paths. */
@QuarkusTest
class ResponseHeadersTest {

    @TestHTTPResource("/v1/handoffs/stream?queue=default")
    URI stream;

    @Test
    void a_json_answer_carries_them() {
        assertSecurityHeaders(given().header("Authorization", Tokens.ADMIN).when().get("/v1/routing").then().statusCode(200).extract().response());
    }

    @Test
    void problems_carry_them() {
        assertSecurityHeaders(given().when().get("/v1/routing").then().statusCode(401).extract().response());
        assertSecurityHeaders(given().header("Authorization", Tokens.ADMIN).when().get("/v1/handoffs").then().statusCode(400).extract().response());
    }

    @Test
    void the_api_ports_answer_to_a_management_path_carries_them() {
        // health is served on the management port (ManagementPortTest): here /q/health is unknown, as any other path
        assertSecurityHeaders(given().when().get("/q/health").then().statusCode(404).extract().response());
    }

    @Test
    void the_live_stream_carries_them() {
        try (SseClient client = new SseClient(stream).awaitOpen(Duration.ofSeconds(30))) {
            SecurityHeaders.OF_JSON_APIS.forEach((name, value) -> assertThat(client.header(name)).as(name).contains(value));
        }
    }

    private static void assertSecurityHeaders(Response response) {
        SecurityHeaders.OF_JSON_APIS.forEach((name, value) -> assertThat(response.header(name)).as(name).isEqualTo(value));
    }
}
