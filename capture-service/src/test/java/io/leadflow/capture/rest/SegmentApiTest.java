package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.LeadIdentified;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Segment's HTTP Tracking API; the broker comes from the test resource declared on {@link EventsResourceTest}. */
@QuarkusTest
class SegmentApiTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void segmentsOwnJavaSdkPointedAtCaptureWritesBuiltInAndCustomEngagementAndIdentifiesTheLead() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // Given Segment's SDK with the secret key, sending where it sends by default (/v1/import) on this service
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            List<Message> sent = new CopyOnWriteArrayList<>();
            Analytics analytics = Analytics.builder(EventsResourceTest.SECRET_KEY)
                    .endpoint(root.toString())
                    .callback(new Callback() {
                        @Override
                        public void success(Message message) {
                            sent.add(message);
                        }

                        @Override
                        public void failure(Message message, Throwable throwable) {
                            failures.add(throwable);
                        }
                    })
                    .build();
            String email = EventsResourceTest.uniqueEmail();
            String anonymousId = "anon-" + UUID.randomUUID();
            String trackId = UUID.randomUUID().toString();
            String identifyId = UUID.randomUUID().toString();

            String customId = UUID.randomUUID().toString();

            // When an anonymous visitor views the pricing page, starts a trial, uses the pricing calculator (an event
            // of the site's own naming), requests a demo and is identified
            try {
                analytics.enqueue(PageMessage.builder("Pricing").anonymousId(anonymousId)
                        .properties(Map.of("url", "https://example.com/pricing")));
                analytics.enqueue(TrackMessage.builder("Trial Started").anonymousId(anonymousId));
                analytics.enqueue(TrackMessage.builder("Pricing Calculator Used").messageId(customId).anonymousId(anonymousId)
                        .properties(Map.of("seats", 25, "plan", "team")));
                analytics.enqueue(TrackMessage.builder("Demo Requested").messageId(trackId).anonymousId(anonymousId)
                        .properties(Map.of("plan", "enterprise")));
                analytics.enqueue(IdentifyMessage.builder().messageId(identifyId).anonymousId(anonymousId).userId("crm-42")
                        .traits(Map.of("email", email, "firstName", "Ada", "company", "Analytical Engines")));
                analytics.flush();

                // Then the five are on the topic, the identify keyed by the lead's email
                List<ReceivedEvent> records = probe.awaitEvents(5, record -> record.data() != null
                        && anonymousId.equals(record.data().path("anonymousId").asText()), EventsResourceTest.ARRIVAL);
                // and the SDK saw each accepted (its callback runs once it read the answer)
                await().atMost(EventsResourceTest.ARRIVAL).until(() -> sent.size() + failures.size() >= 5);
                assertThat(failures).isEmpty();
                assertThat(sent).hasSize(5);
                ReceivedEvent custom = records.stream().filter(record -> customId.equals(record.ceId())).findFirst().orElseThrow();
                assertThat(custom.data().get("type").asText()).isEqualTo("custom");
                assertThat(custom.data().get("event").asText()).isEqualTo("Pricing Calculator Used");
                assertThat(custom.data().at("/properties/seats").asInt()).isEqualTo(25);
                ReceivedEvent demo = records.stream().filter(record -> trackId.equals(record.ceId())).findFirst().orElseThrow();
                assertThat(demo.ceType()).isEqualTo(EngagementCaptured.TYPE);
                assertThat(demo.key()).isEqualTo("anon:" + anonymousId);
                assertThat(demo.data().get("type").asText()).isEqualTo("demo.requested");
                assertThat(demo.data().at("/properties/plan").asText()).isEqualTo("enterprise");
                ReceivedEvent identified = records.stream().filter(record -> identifyId.equals(record.ceId())).findFirst().orElseThrow();
                assertThat(identified.ceType()).isEqualTo(LeadIdentified.TYPE);
                assertThat(identified.key()).isEqualTo(email);
                assertThat(identified.data().get("userId").asText()).isEqualTo("crm-42");
                assertThat(EventSchemas.validate(LeadIdentified.TYPE, identified.data())).isEmpty();
                assertThat(records).filteredOn(record -> record.ceType().equals(EngagementCaptured.TYPE))
                        .extracting(record -> record.data().get("type").asText())
                        .containsExactlyInAnyOrder("page.viewed", "trial.started", "custom", "demo.requested");
                assertThat(records).filteredOn(record -> record.ceType().equals(EngagementCaptured.TYPE))
                        .allSatisfy(record -> assertThat(EventSchemas.validate(EngagementCaptured.TYPE, record.data())).isEmpty());
            } finally {
                analytics.shutdown();
            }
        }
    }

    @Test
    void a_track_with_basic_auth_is_answered_as_segment_does_and_a_retry_keeps_its_message_id() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            String messageId = UUID.randomUUID().toString();
            String track = """
                    {"messageId": "%s", "event": "Email Opened", "userId": "%s", "timestamp": "2026-11-22T10:00:00.000Z"}"""
                    .formatted(messageId, EventsResourceTest.uniqueEmail());

            post("/v1/track", track).then().statusCode(200).body("success", is(true));
            post("/v1/track", track).then().statusCode(200);

            assertThat(probe.awaitEvents(2, record -> messageId.equals(record.ceId()), EventsResourceTest.ARRIVAL))
                    .allSatisfy(record -> assertThat(record.data().get("type").asText()).isEqualTo("email.opened"));
        }
    }

    @Test
    void aBatchsWrongMessageIsReportedAndCostsOnlyItself() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // Given a batch as real sites send it: a built-in, a custom and a configured name, and a message with no id
            String anonymousId = "anon-" + UUID.randomUUID();
            String batch = """
                    {"batch": [{"type": "track", "event": "Trial Started", "anonymousId": "%1$s"},
                               {"type": "track", "event": "Pricing Calculator Used", "anonymousId": "%1$s", "properties": {"seats": 25}},
                               {"type": "track", "event": "Signed Up", "anonymousId": "%1$s"},
                               {"type": "track", "event": "Button Clicked"}]}""".formatted(anonymousId);

            // When it is sent
            post("/v1/batch", batch).then()
                    // Then it is answered as Segment does, 200, the wrong message named
                    .statusCode(200).contentType(ContentType.JSON)
                    .body("success", is(true))
                    .body("rejected.field", contains("batch[3].anonymousId"));

            // and the right ones are captured, each under its name
            List<ReceivedEvent> records = probe.awaitEvents(3, record -> anonymousId.equals(record.data().path("anonymousId").asText()),
                    EventsResourceTest.ARRIVAL);
            assertThat(records).extracting(record -> record.data().get("type").asText() + "/" + record.data().get("event").asText())
                    .containsExactly("trial.started/Trial Started", "custom/Pricing Calculator Used", "trial.started/Signed Up");
        }
    }

    @Test
    void aRequestWithNoRightMessageIsRefusedNamingEachFieldAndNothingIsWritten() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            post("/v1/batch", """
                    {"batch": [{"type": "page"},
                               {"type": "track", "event": "", "anonymousId": "a-1"}]}""")
                    .then().statusCode(400)
                    .contentType(Problems.MEDIA_TYPE)
                    .body("errors.field", contains("batch[0].anonymousId", "batch[1].event"));

            assertThat(probe.collectFor(EventsResourceTest.QUIET)).isEmpty();
        }
    }

    @Test
    void aBrowsersPublicKeyMayTrackCustomEventsButNoBuiltInOneBeyondItsOwn() {
        given().header("Origin", "http://localhost").contentType(ContentType.TEXT)
                .body("{\"writeKey\": \"lf_dev_public\", \"event\": \"Pricing Calculator Used\", \"anonymousId\": \"a-1\"}")
                .when().post("/v1/track")
                .then().statusCode(200);
        // a configured name is its built-in type, out of a public key's reach as the type itself is
        given().header("Origin", "http://localhost").contentType(ContentType.TEXT)
                .body("{\"writeKey\": \"lf_dev_public\", \"event\": \"Signed Up\", \"anonymousId\": \"a-1\"}")
                .when().post("/v1/track")
                .then().statusCode(403).contentType(Problems.MEDIA_TYPE);
    }

    @Test
    void identify_needs_a_secret_key() {
        given().auth().preemptive().basic(EventsResourceTest.PUBLIC_KEY, "").header("Origin", "http://localhost")
                .contentType(ContentType.JSON)
                .body("{\"anonymousId\": \"a-1\", \"traits\": {\"email\": \"ada@example.com\"}}")
                .when().post("/v1/identify")
                .then().statusCode(403).contentType(Problems.MEDIA_TYPE).body("detail", containsString("secret"));
        // a public key may still add engagement, the key in the body as browsers' beacons send it
        given().header("Origin", "http://localhost").contentType(ContentType.TEXT)
                .body("{\"writeKey\": \"lf_dev_public\", \"anonymousId\": \"a-1\", \"properties\": {\"url\": \"http://localhost/\"}}")
                .when().post("/v1/page")
                .then().statusCode(200);
    }

    @Test
    void a_message_over_32_kb_or_a_batch_over_500_kb_is_too_large() {
        String big = "{\"type\": \"page\", \"anonymousId\": \"a-1\", \"properties\": {\"note\": \"%s\"}}";
        post("/v1/batch", "{\"batch\": [" + big.formatted("x".repeat(33 * 1024)) + "]}")
                .then().statusCode(413).contentType(Problems.MEDIA_TYPE).body("errors.field", contains("batch[0]"));
        post("/v1/batch", "{\"batch\": [" + String.join(",", Collections.nCopies(17, big.formatted("y".repeat(31 * 1024)))) + "]}")
                .then().statusCode(413).contentType(Problems.MEDIA_TYPE);
    }

    private static Response post(String path, String body) {
        return given().auth().preemptive().basic(EventsResourceTest.SECRET_KEY, "").contentType(ContentType.JSON).body(body)
                .when().post(path);
    }
}
