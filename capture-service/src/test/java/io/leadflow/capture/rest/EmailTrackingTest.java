package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The email open pixel and signed click redirect; the broker comes from the test resource on {@link EventsResourceTest}. */
@QuarkusTest
class EmailTrackingTest {

    private static final String TARGET = "https://example.com/pricing?utm_source=mail";

    @Test
    void a_signed_pixel_records_an_open_and_a_signed_click_redirects_to_its_target() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // Given the links of one mail
            String email = EventsResourceTest.uniqueEmail();
            ExtractableResponse<Response> links = createLinks(email);

            // When the mail is opened in a mail client and its link clicked
            byte[] gif = given().header("User-Agent", "Mozilla/5.0 (Windows NT 10.0) Thunderbird/128.0")
                    .when().get(path(links.path("openPixelUrl")))
                    .then().statusCode(200)
                    .contentType("image/gif")
                    .header("Cache-Control", containsString("no-store"))
                    .extract().asByteArray();
            given().redirects().follow(false).when().get(path(links.path("clickUrl")))
                    .then().statusCode(302)
                    .header("Location", TARGET);

            // Then an open and a click of the lead are on the topic
            assertThat(new String(gif, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
            var records = probe.awaitEvents(2, record -> email.equals(record.key()), EventsResourceTest.ARRIVAL);
            assertThat(records).extracting(record -> record.data().get("type").asText())
                    .containsExactlyInAnyOrder("email.opened", "email.clicked");
            assertThat(records).allSatisfy(record -> {
                assertThat(EventSchemas.validate(EngagementCaptured.TYPE, record.data())).isEmpty();
                assertThat(record.data().at("/properties/campaign").asText()).isEqualTo("autumn-launch");
            });
        }
    }

    @Test
    void a_tampered_click_is_refused_and_never_redirects_and_a_tampered_pixel_is_still_a_gif() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            String email = EventsResourceTest.uniqueEmail();
            String click = path(createLinks(email).path("clickUrl"));
            String token = click.substring("/v1/c/".length());
            String tampered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);

            given().redirects().follow(false).when().get("/v1/c/" + tampered)
                    .then().statusCode(400).contentType(Problems.MEDIA_TYPE).header("Location", nullValue());
            given().redirects().follow(false).when().get("/v1/c/" + token.substring(0, token.indexOf('.')) + ".forged")
                    .then().statusCode(400).header("Location", nullValue());
            given().redirects().follow(false).when().get("/v1/c/evil.example")
                    .then().statusCode(400).header("Location", nullValue());
            given().when().get("/v1/o/" + tampered + ".gif")
                    .then().statusCode(200).contentType("image/gif");

            assertThat(probe.collectFor(EventsResourceTest.QUIET)).noneMatch(record -> email.equals(record.key()));
        }
    }

    @Test
    void an_open_by_apple_mail_privacy_protection_is_recorded_flagged() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            String email = EventsResourceTest.uniqueEmail();
            given().header("User-Agent", "Mozilla/5.0").when().get(path(createLinks(email).path("openPixelUrl")))
                    .then().statusCode(200);

            ReceivedEvent open = probe.awaitEvents(1, record -> email.equals(record.key()), EventsResourceTest.ARRIVAL).get(0);
            assertThat(open.data().get("bot").asBoolean()).isTrue();
            assertThat(open.data().get("botReason").asText()).isEqualTo("apple-mail-privacy");
        }
    }

    @Test
    void links_are_made_only_for_a_secret_key_and_only_to_web_targets() {
        given().contentType(ContentType.JSON).body("{\"email\": \"ada@example.com\"}")
                .when().post("/v1/email-links").then().statusCode(401);
        given().auth().preemptive().basic(EventsResourceTest.PUBLIC_KEY, "").header("Origin", "http://localhost")
                .contentType(ContentType.JSON).body("{\"email\": \"ada@example.com\"}")
                .when().post("/v1/email-links").then().statusCode(403);
        given().auth().preemptive().basic(EventsResourceTest.SECRET_KEY, "")
                .contentType(ContentType.JSON).body("{\"email\": \"ada@example.com\", \"url\": \"javascript:alert(1)\"}")
                .when().post("/v1/email-links").then().statusCode(400).body("errors[0].field", containsString("url"));
    }

    @Test
    void a_body_that_looks_like_utf_32_but_is_not_is_refused_as_malformed() throws Exception {
        // EmailLinkFuzzTest's finding: it was answered 500
        byte[] body = EmailTrackingTest.class.getResourceAsStream(
                "EmailLinkFuzzTestInputs/aLinkRequestIsRefusedOrSignedAsAskedFor/crash-utf32-looking-body").readAllBytes();

        given().auth().preemptive().basic(EventsResourceTest.SECRET_KEY, "").contentType(ContentType.JSON).body(body)
                .when().post("/v1/email-links")
                .then().statusCode(400).contentType(Problems.MEDIA_TYPE).body("errors[0].field", is("body"));
    }

    private static ExtractableResponse<Response> createLinks(String email) {
        return given().auth().preemptive().basic(EventsResourceTest.SECRET_KEY, "")
                .contentType(ContentType.JSON)
                .body("{\"email\": \"%s\", \"campaign\": \"autumn-launch\", \"url\": \"%s\"}".formatted(email, TARGET))
                .when().post("/v1/email-links")
                .then().statusCode(200)
                .extract();
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }
}
