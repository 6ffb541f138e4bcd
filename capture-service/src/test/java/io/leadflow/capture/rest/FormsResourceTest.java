package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import io.leadflow.events.CloudEventSources;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The broker comes from the test resource declared on {@link EventsResourceTest}. */
@QuarkusTest
class FormsResourceTest {

    @Test
    void a_demo_request_post_is_captured_and_the_browser_sent_to_the_thank_you_page() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // Given
            String email = EventsResourceTest.uniqueEmail();

            // When
            given().redirects().follow(false)
                    .contentType(ContentType.URLENC)
                    .header("Referer", "https://example.com/demo")
                    .formParams(Map.of(
                            "email", email,
                            "first_name", "Ada",
                            "last_name", "Lovelace",
                            "company", "Analytical Engines",
                            "job_title", "VP Engineering",
                            "company_size", "250",
                            "country", "GB",
                            "utm_source", "newsletter"))
                    .when().post("/v1/forms/demo-request")
                    .then()
                    .statusCode(303)
                    .header("Location", "/thanks.html");

            // Then
            ReceivedEvent record = probe.awaitEvents(1, event -> email.equals(event.key()), EventsResourceTest.ARRIVAL).get(0);
            assertThat(record.ceType()).isEqualTo(EngagementCaptured.TYPE);
            assertThat(record.headers()).containsEntry("ce_source", CloudEventSources.CAPTURE).containsKey("ce_id");
            assertThat(EventSchemas.validate(EngagementCaptured.TYPE, record.data())).isEmpty();
            assertThat(record.data().get("type").asText()).isEqualTo("demo.requested");
            assertThat(record.data().get("source").asText()).isEqualTo("form:demo-request");
            assertThat(record.data().get("traits").size()).isEqualTo(6);
            assertThat(record.data().at("/traits/firstName").asText()).isEqualTo("Ada");
            assertThat(record.data().at("/traits/lastName").asText()).isEqualTo("Lovelace");
            assertThat(record.data().at("/traits/company").asText()).isEqualTo("Analytical Engines");
            assertThat(record.data().at("/traits/jobTitle").asText()).isEqualTo("VP Engineering");
            assertThat(record.data().at("/traits/companySize").asText()).isEqualTo("250");
            assertThat(record.data().at("/traits/country").asText()).isEqualTo("GB");
            assertThat(record.data().at("/properties/formId").asText()).isEqualTo("demo-request");
            assertThat(record.data().at("/properties/url").asText()).isEqualTo("https://example.com/demo");
            assertThat(record.data().at("/properties/utm_source").asText()).isEqualTo("newsletter");
        }
    }

    @Test
    void a_post_without_email_is_refused_naming_the_field_and_nothing_is_written() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            given().redirects().follow(false)
                    .contentType(ContentType.URLENC)
                    .formParams(Map.of("first_name", "Ada", "company", "Analytical Engines"))
                    .when().post("/v1/forms/demo-request")
                    .then()
                    .statusCode(400)
                    .contentType(Problems.MEDIA_TYPE)
                    .body("errors.field", contains("email"));

            assertThat(probe.collectFor(EventsResourceTest.QUIET)).isEmpty();
        }
    }

    @Test
    void a_post_by_a_known_bot_is_captured_flagged_as_a_bot() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            String email = EventsResourceTest.uniqueEmail();

            given().redirects().follow(false)
                    .contentType(ContentType.URLENC)
                    .header("User-Agent", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")
                    .formParams(Map.of("email", email))
                    .when().post("/v1/forms/newsletter")
                    .then()
                    .statusCode(303);

            ReceivedEvent record = probe.awaitEvents(1, event -> email.equals(event.key()), EventsResourceTest.ARRIVAL).get(0);
            assertThat(record.data().get("bot").asBoolean()).isTrue();
            assertThat(record.data().get("botReason").asText()).isEqualTo("user-agent");
            assertThat(EventSchemas.validate(EngagementCaptured.TYPE, record.data())).isEmpty();
        }
    }

    @Test
    void an_unknown_form_is_not_found() {
        given().redirects().follow(false)
                .contentType(ContentType.URLENC)
                .formParams(Map.of("email", "ada@example.com"))
                .when().post("/v1/forms/no-such-form")
                .then()
                .statusCode(404)
                .contentType(Problems.MEDIA_TYPE);
    }
}
