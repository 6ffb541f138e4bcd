package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no broker answering, capture must refuse with 503 and Retry-After, never 2xx. */
@QuarkusTest
@TestProfile(BrokerUnavailableTest.NoBroker.class)
class BrokerUnavailableTest {

    /** Points Kafka at a port where nothing listens, and starts no broker. */
    public static class NoBroker implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            String nowhere = "127.0.0.1:" + closedPort();
            return Map.of(
                    "kafka.bootstrap.servers", nowhere,
                    "mp.messaging.outgoing.engagement-out.bootstrap.servers", nowhere,
                    "leadflow.capture.ack-timeout", "2s");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void an_event_the_broker_does_not_acknowledge_is_answered_503_with_retry_after() {
        long start = System.nanoTime();

        given().auth().preemptive().basic(EventsResourceTest.SECRET_KEY, "").contentType(ContentType.JSON)
                .body("{\"type\": \"page.viewed\", \"email\": \"ada@example.com\"}")
                .when().post("/v1/events")
                .then()
                .statusCode(503)
                .contentType(Problems.MEDIA_TYPE)
                .header("Retry-After", "5")
                .body("status", is(503));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void a_form_post_the_broker_does_not_acknowledge_is_not_redirected() {
        given().header("Origin", "http://localhost").redirects().follow(false)
                .contentType(ContentType.URLENC)
                .formParams(Map.of("email", "ada@example.com"))
                .when().post("/v1/forms/newsletter")
                .then()
                .statusCode(503)
                .header("Retry-After", "5");
    }
}
