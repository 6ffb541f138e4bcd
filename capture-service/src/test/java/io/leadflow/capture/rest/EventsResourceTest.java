package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.leadflow.events.CloudEventSources;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.KafkaTestResource;
import io.leadflow.testsupport.ManagementInterface;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class EventsResourceTest {

    static final Duration ARRIVAL = Duration.ofSeconds(20);
    static final Duration QUIET = Duration.ofSeconds(2);

    @Test
    void a_single_event_is_acknowledged_and_written_as_a_cloud_event_keyed_by_its_lead() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // Given
            String email = uniqueEmail();
            String event = """
                    {"type": "page.viewed", "email": "%s", "anonymousId": "a-7f3c", "occurredAt": "2026-11-22T10:00:00Z",
                     "properties": {"url": "https://example.com/pricing", "utm_source": "google"},
                     "traits": {"firstName": "Ada", "companySize": 250}}""".formatted(email);

            // When
            String eventId = postEvents(event).then()
                    .statusCode(202)
                    .contentType(ContentType.JSON)
                    .body("eventIds", hasSize(1))
                    .extract().path("eventIds[0]");

            // Then
            ReceivedEvent record = probe.awaitEvents(1, byId(eventId), ARRIVAL).get(0);
            assertThat(record.key()).isEqualTo(email);
            assertThat(record.headers())
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_type", EngagementCaptured.TYPE)
                    .containsEntry("ce_source", CloudEventSources.CAPTURE);
            assertThat(Instant.parse(record.headers().get("ce_time"))).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
            assertThat(EventSchemas.validate(EngagementCaptured.TYPE, record.data())).isEmpty();
            assertThat(record.data().get("leadKey").asText()).isEqualTo(email);
            assertThat(record.data().get("type").asText()).isEqualTo("page.viewed");
            assertThat(record.data().get("source").asText()).isEqualTo("api");
            assertThat(record.data().at("/traits/companySize").asInt()).isEqualTo(250);
        }
    }

    @Test
    void a_batch_of_three_writes_three_records_in_request_order() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // Given
            String email = uniqueEmail();
            String anonymousId = "anon-" + UUID.randomUUID();
            String batch = """
                    {"events": [
                      {"type": "email.opened", "email": "%1$s"},
                      {"type": "page.viewed", "anonymousId": "%2$s"},
                      {"type": "content.downloaded", "email": "%1$s", "properties": {"contentId": "whitepaper"}}
                    ]}""".formatted(email, anonymousId);

            // When
            List<String> eventIds = postEvents(batch).then()
                    .statusCode(202)
                    .body("eventIds", hasSize(3))
                    .extract().path("eventIds");

            // Then
            List<ReceivedEvent> records = probe.awaitEvents(3, record -> eventIds.contains(record.ceId()), ARRIVAL);
            assertThat(records).extracting(ReceivedEvent::ceId).containsExactlyInAnyOrderElementsOf(eventIds);
            assertThat(records).extracting(ReceivedEvent::key).containsOnly(email, "anon:" + anonymousId);
            assertThat(records).allSatisfy(record ->
                    assertThat(EventSchemas.validate(EngagementCaptured.TYPE, record.data())).isEmpty());
        }
    }

    @Test
    void the_clients_event_id_is_the_cloud_event_id_every_time_it_is_sent() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // Given
            String eventId = UUID.randomUUID().toString();
            String event = """
                    {"eventId": "%s", "type": "webinar.attended", "email": "%s"}""".formatted(eventId, uniqueEmail());

            // When the client sends it twice, as after a lost answer
            postEvents(event).then().statusCode(202).body("eventIds", contains(eventId));
            postEvents(event).then().statusCode(202).body("eventIds", contains(eventId));

            // Then both records carry the client's id, so consumers count it once
            assertThat(probe.awaitEvents(2, byId(eventId), ARRIVAL)).hasSize(2);
        }
    }

    @Test
    void invalid_events_are_refused_naming_the_field_and_nothing_is_written() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // When / Then: an unknown type
            postEvents("{\"type\": \"page.visited\", \"email\": \"%s\"}".formatted(uniqueEmail())).then()
                    .statusCode(400)
                    .contentType(Problems.MEDIA_TYPE)
                    .body("status", is(400))
                    .body("errors.field", contains("type"));
            // neither an email nor an anonymous id
            postEvents("{\"type\": \"page.viewed\"}").then()
                    .statusCode(400)
                    .body("errors.field", contains("email"))
                    .body("errors[0].message", containsString("anonymousId"));
            // a bad email
            postEvents("{\"type\": \"page.viewed\", \"email\": \"ada-at-example.com\"}").then()
                    .statusCode(400)
                    .body("errors.field", contains("email"));
            // one bad event in a batch of valid ones
            postEvents("""
                    {"events": [{"type": "page.viewed", "email": "%1$s"}, {"type": "page.viewed", "email": "%1$s",
                     "occurredAt": "last tuesday"}, {"type": "page.viewed", "email": "%1$s"}]}""".formatted(uniqueEmail()))
                    .then()
                    .statusCode(400)
                    .body("errors.field", contains("events[1].occurredAt"));
            // malformed JSON
            postEvents("{\"type\": \"page.viewed\", ").then()
                    .statusCode(400)
                    .contentType(Problems.MEDIA_TYPE)
                    .body("errors.field", contains("body"));

            // Then
            assertThat(probe.collectFor(QUIET)).isEmpty();
        }
    }

    @Test
    void text_postgresql_cannot_store_is_refused_naming_the_field_and_nothing_is_written() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            String email = uniqueEmail();
            // When / Then: a NUL character in a property, in a batch of valid events
            postEvents("""
                    {"events": [{"type": "page.viewed", "email": "%1$s"},
                     {"type": "page.viewed", "email": "%1$s", "properties": {"items": ["ok", "a\\u0000b"]}}]}"""
                    .formatted(email)).then()
                    .statusCode(400)
                    .contentType(Problems.MEDIA_TYPE)
                    .body("errors.field", contains("properties.items[1]"))
                    .body("errors[0].message", containsString("NUL character"))
                    .body("errors[0].message", containsString("event 2 of 2"));
            // a body that is not UTF-8: F5 starts no UTF-8 sequence, the parser reads it as an unpaired surrogate
            byte[] head = "{\"type\": \"page.viewed\", \"email\": \"%s\", \"traits\": {\"first".formatted(email)
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = "Name\": \"Ada\"}}".getBytes(StandardCharsets.UTF_8);
            ByteBuffer body = ByteBuffer.allocate(head.length + 4 + tail.length)
                    .put(head).put(new byte[] {(byte) 0xF5, (byte) 0x9C, (byte) 0x90, (byte) 0x92}).put(tail);
            given().auth().preemptive().basic(SECRET_KEY, "").contentType(ContentType.JSON).body(body.array())
                    .when().post("/v1/events").then()
                    .statusCode(400)
                    .body("errors.field", contains("traits"))
                    .body("errors[0].message", containsString("unpaired surrogate"));

            // Then
            assertThat(probe.collectFor(QUIET)).isEmpty();
        }
    }

    @Test
    void an_event_over_32_kb_or_a_body_over_500_kb_is_too_large_and_nothing_is_written() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // Given
            String email = uniqueEmail();
            String bigEvent = "{\"type\": \"page.viewed\", \"email\": \"%s\", \"properties\": {\"note\": \"%s\"}}"
                    .formatted(email, "x".repeat(33 * 1024));
            String small = "{\"type\": \"page.viewed\", \"email\": \"%s\"}".formatted(email);
            String nearlyFull = "{\"type\": \"page.viewed\", \"email\": \"%s\", \"properties\": {\"note\": \"%s\"}}"
                    .formatted(email, "y".repeat(31 * 1024));

            // When / Then: one event over 32 KB in a small batch
            postEvents("{\"events\": [" + small + ", " + bigEvent + "]}").then()
                    .statusCode(413)
                    .contentType(Problems.MEDIA_TYPE)
                    .body("errors.field", contains("events[1]"));
            // events under 32 KB that together pass 500 KB
            postEvents("{\"events\": [" + String.join(",", Collections.nCopies(17, nearlyFull)) + "]}").then()
                    .statusCode(413)
                    .contentType(Problems.MEDIA_TYPE)
                    .body("errors.field", contains("body"));

            // Then
            assertThat(probe.collectFor(QUIET)).isEmpty();
        }
    }

    @Test
    void readiness_reflects_kafka_and_the_capture_meters_are_published() {
        // Given an accepted event
        postEvents("{\"type\": \"page.viewed\", \"email\": \"%s\"}".formatted(uniqueEmail())).then().statusCode(202);

        // When / Then
        given().baseUri(ManagementInterface.baseUri()).when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Kafka connection health check"));
        given().baseUri(ManagementInterface.baseUri()).when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("leadflow_capture_events_accepted_total{source=\"api\"}"),
                        containsString("leadflow_capture_events_rejected_total{reason=\"invalid\"}"),
                        containsString("leadflow_capture_broker_ack_seconds_count{outcome=\"acked\"}"));
    }

    /** The documented development keys, provisioned by default. */
    static final String SECRET_KEY = "lf_dev_secret";
    static final String PUBLIC_KEY = "lf_dev_public";

    static Response postEvents(String body) {
        return given().auth().preemptive().basic(SECRET_KEY, "").contentType(ContentType.JSON).body(body)
                .when().post("/v1/events");
    }

    static Predicate<ReceivedEvent> byId(String eventId) {
        return record -> eventId.equals(record.ceId());
    }

    static String uniqueEmail() {
        return "ada+" + UUID.randomUUID() + "@example.com";
    }
}
