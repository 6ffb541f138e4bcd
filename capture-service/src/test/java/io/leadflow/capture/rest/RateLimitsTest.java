package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rate limits, with the test key {@code lf_test_limited} (1 a second, burst 2), addresses limited to
 * 1 a second (burst 40) and given by X-Forwarded-For when the peer is a trusted proxy (127.0.0.1 in tests).
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

    @Test
    void a_forged_x_forwarded_for_from_an_untrusted_peer_leaves_the_peer_under_its_own_limit() throws IOException {
        // 127.0.0.2 is no trusted proxy (tests trust 127.0.0.1 only): each request claims another address, in vain
        int sent = 0;
        int status = 404;
        while (status == 404 && sent < 100) {
            status = postFormFrom("127.0.0.2", "198.51.100." + (sent % 250 + 1));
            sent++;
        }

        assertThat(status).as("answer after %d requests", sent).isEqualTo(429);
        assertThat(sent).isBetween(41, 60);
    }

    /** A form post over a connection from {@code peer}, claiming to forward {@code forwardedFor}; its status. */
    private static int postFormFrom(String peer, String forwardedFor) throws IOException {
        String body = "email=ada%40example.com";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(peer, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.setSoTimeout(10_000);
            String request = "POST /v1/forms/no-such-form HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
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
