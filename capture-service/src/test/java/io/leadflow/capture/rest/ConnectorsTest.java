package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.leadflow.capture.domain.connector.VendorPayloads;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.KafkaTestResource;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The vendors' documented example payloads, posted as each vendor posts them, with valid and forged
 * proofs: a 2xx only once the events are in Kafka, a forgery refused and nothing written. The
 * connectors' settings are the {@code %test} ones of application.properties.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(VendorApiStandIn.class)
class ConnectorsTest {

    private static final String MAILCHIMP = "/v1/connectors/mailchimp/dev-secret/";
    private static final String MAILCHIMP_SECRET = "mc-test-url-secret";
    private static final String MANDRILL = "/v1/connectors/mandrill/dev-secret";
    private static final String MANDRILL_URL = "https://capture.example.com" + MANDRILL;
    private static final String FACEBOOK = "/v1/connectors/facebook/dev-secret";
    private static final String LINKEDIN = "/v1/connectors/linkedin/dev-secret";

    @Test
    void mailchimps_validation_request_is_answered_for_the_workspaces_secret_only() {
        given().get(MAILCHIMP + MAILCHIMP_SECRET).then().statusCode(200);
        given().get(MAILCHIMP + "a-guess").then().statusCode(403).contentType(Problems.MEDIA_TYPE);
        given().get("/v1/connectors/mailchimp/no-such-workspace/" + MAILCHIMP_SECRET).then().statusCode(404);
    }

    @Test
    void mailchimps_documented_subscribe_is_captured_once_however_often_mailchimp_retries_it() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // When Mailchimp posts its documented subscribe, then retries the same delivery
            postMailchimp(MAILCHIMP_SECRET, "mailchimp-subscribe.form").then().statusCode(200).body("captured", equalTo(1));
            postMailchimp(MAILCHIMP_SECRET, "mailchimp-subscribe.form").then().statusCode(200);

            // Then both are one event (one ce_id), a form submission from the email channel
            List<ReceivedEvent> records = probe.awaitEvents(2, record -> "api@mailchimp.com".equals(record.key()),
                    EventsResourceTest.ARRIVAL);
            assertThat(records.get(1).ceId()).isEqualTo(records.get(0).ceId());
            ReceivedEvent record = records.get(0);
            assertThat(record.ceType()).isEqualTo(EngagementCaptured.TYPE);
            assertThat(EventSchemas.validate(EngagementCaptured.TYPE, record.data())).isEmpty();
            assertThat(record.data().get("type").asText()).isEqualTo("form.submitted");
            assertThat(record.data().at("/traits/firstName").asText()).isEqualTo("Mailchimp");
            assertThat(record.data().at("/properties/attributionChannel").asText()).isEqualTo("email");
        }
    }

    @Test
    void a_mailchimp_post_to_a_guessed_url_is_refused_and_nothing_written() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            postMailchimp("a-guess", "mailchimp-unsubscribe.form").then().statusCode(403).contentType(Problems.MEDIA_TYPE)
                    .body("title", equalTo("Invalid signature"));

            assertThat(probe.collectFor(EventsResourceTest.QUIET)).noneMatch(record -> "api+unsub@mailchimp.com".equals(record.key()));
        }
    }

    @Test
    void mandrills_signed_documented_events_are_captured_and_a_forged_post_refused() {
        String events = VendorPayloads.text("mandrill-events.json");
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            given().head(MANDRILL).then().statusCode(200);
            postMandrill(events, base64HmacSha1("mandrill-test-webhook-key", MANDRILL_URL + "mandrill_events" + events))
                    .then().statusCode(200).body("captured", equalTo(5));
            postMandrill(events.replace("example.webhook@", "eve@"),
                    base64HmacSha1("mandrill-test-webhook-key", MANDRILL_URL + "mandrill_events" + events))
                    .then().statusCode(403).contentType(Problems.MEDIA_TYPE);

            List<ReceivedEvent> records = probe.awaitEvents(5, record -> "example.webhook@mandrillapp.com".equals(record.key()),
                    EventsResourceTest.ARRIVAL);
            assertThat(records).extracting(record -> record.data().get("type").asText()).containsExactly(
                    "email.opened", "email.clicked", "email.bounced", "email.unsubscribed", "email.unsubscribed");
            assertThat(records).allMatch(record -> EventSchemas.validate(EngagementCaptured.TYPE, record.data()).isEmpty());
            assertThat(probe.collectFor(EventsResourceTest.QUIET)).noneMatch(record -> "eve@mandrillapp.com".equals(record.key()));
        }
    }

    @Test
    void facebooks_verification_request_gets_its_challenge_with_the_workspaces_token_only() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "fb-test-verify-token")
                .queryParam("hub.challenge", "1158201444")
                .get(FACEBOOK).then().statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "a-guess")
                .queryParam("hub.challenge", "1158201444")
                .get(FACEBOOK).then().statusCode(403).contentType(Problems.MEDIA_TYPE);
    }

    @Test
    void a_signed_leadgen_notification_records_the_lead_the_graph_api_gives_as_a_paid_social_form_submission() {
        byte[] body = VendorPayloads.text("facebook-leadgen-notification.json").getBytes(StandardCharsets.UTF_8);
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            postFacebook(body, "sha256=" + hexHmacSha256("fb-test-app-secret", body)).then().statusCode(200).body("captured", equalTo(1));

            ReceivedEvent record = probe.awaitEvents(1, lead -> "joe@example.com".equals(lead.key()), EventsResourceTest.ARRIVAL).get(0);
            assertThat(EventSchemas.validate(EngagementCaptured.TYPE, record.data())).isEmpty();
            assertThat(record.data().get("type").asText()).isEqualTo("form.submitted");
            assertThat(record.data().get("source").asText()).isEqualTo("form:facebook:12312312312");
            assertThat(record.data().at("/traits/company").asText()).isEqualTo("Example Motors");
            assertThat(record.data().at("/properties/utm_campaign").asText()).isEqualTo("Spring webinar");
            assertThat(record.data().at("/properties/attributionChannel").asText()).isEqualTo("paid-social");
        }
    }

    @Test
    void a_forged_notification_is_refused_and_one_whose_lead_the_graph_api_fails_to_give_is_answered_503() {
        byte[] body = VendorPayloads.text("facebook-leadgen-notification.json").getBytes(StandardCharsets.UTF_8);
        byte[] failing = new String(body, StandardCharsets.UTF_8).replace("123123123123", VendorApiStandIn.FAILING_LEAD_ID)
                .getBytes(StandardCharsets.UTF_8);
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            postFacebook(body, "sha256=" + hexHmacSha256("another-app-secret", body)).then().statusCode(403);
            postFacebook(body, null).then().statusCode(403);
            postFacebook(failing, "sha256=" + hexHmacSha256("fb-test-app-secret", failing)).then()
                    .statusCode(503).header("Retry-After", "60").contentType(Problems.MEDIA_TYPE);

            assertThat(probe.collectFor(EventsResourceTest.QUIET)).noneMatch(record -> "joe@example.com".equals(record.key()));
        }
    }

    @Test
    void a_signed_notification_that_is_no_json_is_refused_400_even_when_it_looks_like_utf_32() throws Exception {
        // the bytes the connector fuzz target found Jackson refusing with a CharConversionException (no JacksonException)
        byte[] utf32Looking = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(getClass().getResource(
                "/io/leadflow/capture/domain/connector/ConnectorPayloadFuzzTestInputs/aFacebookLeadIsRefusedOrCapturedAsAValidEvent/"
                        + "crash-9942d2e8d855374a723094f03aa0c12eeb599337").toURI()));

        postFacebook(utf32Looking, "sha256=" + hexHmacSha256("fb-test-app-secret", utf32Looking)).then()
                .statusCode(400).contentType(Problems.MEDIA_TYPE);
    }

    @Test
    void linkedins_validation_is_answered_with_the_challenge_signed_by_the_client_secret() {
        given().queryParam("challengeCode", "f6a7d2c4-1111-4222-8333-944455556666").get(LINKEDIN).then()
                .statusCode(200)
                .body("challengeCode", equalTo("f6a7d2c4-1111-4222-8333-944455556666"))
                .body("challengeResponse", equalTo(hexHmacSha256("li-test-client-secret",
                        "f6a7d2c4-1111-4222-8333-944455556666".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void a_signed_linkedin_lead_notification_records_the_fetched_lead_and_a_forged_one_nothing() {
        byte[] body = VendorPayloads.text("linkedin-notification.json").getBytes(StandardCharsets.UTF_8);
        byte[] signed = ("hmacsha256=" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        byte[] forged = new String(body, StandardCharsets.UTF_8).replace("5765766", "5765767").getBytes(StandardCharsets.UTF_8);
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            postLinkedIn(forged, hexHmacSha256("li-test-client-secret", signed)).then().statusCode(403);
            postLinkedIn(body, hexHmacSha256("li-test-client-secret", signed)).then().statusCode(200).body("captured", equalTo(1));

            List<ReceivedEvent> records = probe.awaitEvents(1, lead -> "grace@example.org".equals(lead.key()), EventsResourceTest.ARRIVAL);
            ReceivedEvent record = records.get(0);
            assertThat(EventSchemas.validate(EngagementCaptured.TYPE, record.data())).isEmpty();
            assertThat(record.data().get("source").asText()).isEqualTo("form:linkedin:5765766");
            assertThat(record.data().at("/traits/jobTitle").asText()).isEqualTo("Rear Admiral");
            assertThat(record.data().at("/properties/attributionChannel").asText()).isEqualTo("paid-social");
            assertThat(probe.collectFor(EventsResourceTest.QUIET)).filteredOn(lead -> "grace@example.org".equals(lead.key()))
                    .extracting(ReceivedEvent::ceId).containsOnly(record.ceId());
        }
    }

    @Test
    void the_validation_endpoint_signs_only_linkedins_uuid_challenges_so_it_cannot_forge_a_notification() {
        // a notification's signature is the HMAC of "hmacsha256=" and its body with the same secret as the challenge's:
        // an endpoint signing any challengeCode would sign a forged notification
        byte[] body = VendorPayloads.text("linkedin-notification.json").getBytes(StandardCharsets.UTF_8);
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            Response oracle = given().queryParam("challengeCode", "hmacsha256=" + new String(body, StandardCharsets.UTF_8)).get(LINKEDIN);
            String obtained = String.valueOf(oracle.jsonPath().getString("challengeResponse"));

            postLinkedIn(body, obtained).then().statusCode(403).contentType(Problems.MEDIA_TYPE);
            oracle.then().statusCode(400).contentType(Problems.MEDIA_TYPE).body("errors[0].field", equalTo("challengeCode"));
            given().queryParam("challengeCode", "not-a-uuid").get(LINKEDIN).then().statusCode(400);
            assertThat(probe.collectFor(EventsResourceTest.QUIET)).noneMatch(lead -> "grace@example.org".equals(lead.key()));
        }
    }

    private static Response postLinkedIn(byte[] body, String signature) {
        return given().contentType(ContentType.JSON).header("X-LI-Signature", signature).body(body).post(LINKEDIN);
    }

    private static Response postMailchimp(String secret, String payload) {
        var request = given().contentType(ContentType.URLENC);
        VendorPayloads.form(payload).forEach((name, values) -> request.formParam(name, values.get(0)));
        return request.post(MAILCHIMP + secret);
    }

    private static Response postMandrill(String events, String signature) {
        return given().contentType(ContentType.URLENC).header("X-Mandrill-Signature", signature)
                .formParam("mandrill_events", events).post(MANDRILL);
    }

    private static Response postFacebook(byte[] body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return request.post(FACEBOOK);
    }

    /** The vendors' HMACs, written here with the JDK alone so that the test does not trust the code it tests. */
    private static String base64HmacSha1(String key, String data) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", key, data.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hexHmacSha256(String key, byte[] data) {
        return HexFormat.of().formatHex(hmac("HmacSHA256", key, data));
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
