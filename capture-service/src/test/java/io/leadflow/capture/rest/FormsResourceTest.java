package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.leadflow.events.CloudEventSources;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ManagementInterface;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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
            given().header("Origin", "http://localhost").redirects().follow(false)
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
            given().header("Origin", "http://localhost").redirects().follow(false)
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

            given().header("Origin", "http://localhost").redirects().follow(false)
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
        given().header("Origin", "http://localhost").redirects().follow(false)
                .contentType(ContentType.URLENC)
                .formParams(Map.of("email", "ada@example.com"))
                .when().post("/v1/forms/no-such-form")
                .then()
                .statusCode(404)
                .contentType(Problems.MEDIA_TYPE);
    }

    @Test
    void a_multipart_post_is_mapped_like_an_urlencoded_one_and_its_files_are_ignored() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // Given
            String email = EventsResourceTest.uniqueEmail();

            // When
            fromNewAddress()
                    .multiPart("email", email)
                    .multiPart("first_name", "Ada")
                    .multiPart("company", "Analytical Engines")
                    .multiPart("page_url", "https://example.com/demo")
                    .multiPart("utm_campaign", "autumn")
                    .multiPart("attachment", "notes.txt", "not engagement".getBytes(), "text/plain")
                    .when().post("/v1/forms/demo-request")
                    .then()
                    .statusCode(303)
                    .header("Location", "/thanks.html");

            // Then
            ReceivedEvent record = probe.awaitEvents(1, event -> email.equals(event.key()), EventsResourceTest.ARRIVAL).get(0);
            assertThat(EventSchemas.validate(EngagementCaptured.TYPE, record.data())).isEmpty();
            assertThat(record.data().get("type").asText()).isEqualTo("demo.requested");
            assertThat(record.data().at("/traits/firstName").asText()).isEqualTo("Ada");
            assertThat(record.data().at("/traits/company").asText()).isEqualTo("Analytical Engines");
            assertThat(record.data().at("/properties/url").asText()).isEqualTo("https://example.com/demo");
            assertThat(record.data().at("/properties/utm_campaign").asText()).isEqualTo("autumn");
            assertThat(record.data().toString()).doesNotContain("not engagement").doesNotContain("notes.txt");
        }
    }

    @Test
    void a_post_filling_in_the_honeypot_is_thanked_but_nothing_is_written_and_it_is_counted() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // Given
            String email = EventsResourceTest.uniqueEmail();
            double caughtBefore = honeypotCount();

            // When a bot fills in every field, the hidden one too, once URL-encoded and once multipart
            fromNewAddress().contentType(ContentType.URLENC)
                    .formParams(Map.of("email", email, "first_name", "Ada", "website", "https://spam.example"))
                    .when().post("/v1/forms/demo-request")
                    .then()
                    .statusCode(303)
                    .header("Location", "/thanks.html");
            fromNewAddress().multiPart("email", email).multiPart("website", "https://spam.example")
                    .when().post("/v1/forms/newsletter")
                    .then()
                    .statusCode(303)
                    .header("Location", "/thanks.html");

            // Then
            assertThat(probe.collectFor(EventsResourceTest.QUIET)).noneMatch(event -> email.equals(event.key()));
            assertThat(honeypotCount()).isEqualTo(caughtBefore + 2);
        }
    }

    @Test
    void a_browser_is_shown_an_html_page_naming_the_missing_field_and_nothing_is_written() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            fromNewAddress().contentType(ContentType.URLENC)
                    .header("Accept", BROWSER_ACCEPT)
                    .header("Referer", "https://example.com/demo?x=\"><script>alert(1)</script>")
                    .formParams(Map.of("first_name", "Ada"))
                    .when().post("/v1/forms/demo-request")
                    .then()
                    .statusCode(400)
                    .contentType(ContentType.HTML)
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .body(containsString("<code>email</code> is required"),
                            containsString("href=\"https://example.com/demo?x=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""),
                            not(containsString("<script>")));

            assertThat(probe.collectFor(EventsResourceTest.QUIET)).isEmpty();
        }
    }

    @Test
    void a_multipart_post_without_email_is_refused_as_problem_json_to_a_client_that_does_not_prefer_html() {
        fromNewAddress().multiPart("first_name", "Ada")
                .header("Accept", "application/json, text/html;q=0.5")
                .when().post("/v1/forms/demo-request")
                .then()
                .statusCode(400)
                .contentType(Problems.MEDIA_TYPE)
                .body("errors.field", contains("email"));
    }

    @Test
    void what_a_browser_posted_is_escaped_on_the_html_page() {
        fromNewAddress().contentType(ContentType.URLENC)
                .header("Accept", BROWSER_ACCEPT)
                .formParams(Map.of("email", "ada@example.com"))
                .when().post("/v1/forms/<img src=x onerror=alert(1)>")
                .then()
                .statusCode(404)
                .contentType(ContentType.HTML)
                .body(containsString("no form &#39;&lt;img src=x onerror=alert(1)&gt;&#39; is configured"),
                        not(containsString("<img")));
    }

    /** What Chromium sends with a form post. */
    static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    /**
     * A post from an address of its own, so that the per-address limit of other tests does not meet it, from a page
     * of the origin the shipped forms are bound to.
     */
    static RequestSpecification fromNewAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return given().redirects().follow(false).header("Origin", "http://localhost")
                .header("X-Forwarded-For", "10.%d.%d.%d".formatted(random.nextInt(256), random.nextInt(256), random.nextInt(1, 255)));
    }

    private static double honeypotCount() {
        String line = given().baseUri(ManagementInterface.baseUri()).when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(metric -> metric.startsWith("leadflow_capture_events_rejected_total{reason=\"honeypot\"}"))
                .findFirst().orElseThrow();
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
