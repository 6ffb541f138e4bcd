package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md: captured text is data. A script in a page URL, a form field or a trait is shown
 * escaped by the HTML problem page, written verbatim as a JSON string to the topic, and a
 * {@code javascript:} URL never becomes a click redirect.
 */
@QuarkusTest
class StoredXssTest {

    static final String SCRIPT = "\"><script>alert(1)</script>";
    static final String JAVASCRIPT_URL = "javascript:alert(document.cookie)";

    @Test
    void the_problem_page_shows_a_script_from_the_post_escaped() {
        Response unknownForm = given().header("Origin", "http://localhost").redirects().follow(false).accept(ContentType.HTML)
                .contentType(ContentType.URLENC)
                .formParams(Map.of("email", "ada@example.com"))
                .when().post("/v1/forms/{formId}", SCRIPT);
        Response invalid = given().header("Origin", "http://localhost").redirects().follow(false).accept(ContentType.HTML)
                .contentType(ContentType.URLENC)
                .header("Referer", "https://example.com/?q=" + SCRIPT)
                .formParams(Map.of("first_name", SCRIPT))
                .when().post("/v1/forms/newsletter");

        assertThat(unknownForm.statusCode()).isEqualTo(404);
        assertThat(unknownForm.body().asString())
                .contains("no form &#39;&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39; is configured")
                .doesNotContain("<script>");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body().asString())
                .contains("<a href=\"https://example.com/?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">")
                .doesNotContain("<script>");
    }

    @Test
    void a_script_in_form_fields_reaches_the_topic_verbatim_as_json_strings() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            String email = EventsResourceTest.uniqueEmail();

            given().header("Origin", "http://localhost").redirects().follow(false).contentType(ContentType.URLENC)
                    .formParams(Map.of("email", email, "first_name", SCRIPT, "company", "<img src=x onerror=alert(1)>",
                            "page_url", JAVASCRIPT_URL))
                    .when().post("/v1/forms/newsletter")
                    .then().statusCode(303);

            JsonNode data = probe.awaitEvents(1, record -> email.equals(record.key()), EventsResourceTest.ARRIVAL).get(0).data();
            assertThat(EventSchemas.validate(EngagementCaptured.TYPE, data)).isEmpty();
            assertVerbatimText(data.at("/traits/firstName"), SCRIPT);
            assertVerbatimText(data.at("/traits/company"), "<img src=x onerror=alert(1)>");
            assertVerbatimText(data.at("/properties/url"), JAVASCRIPT_URL);
        }
    }

    @Test
    void a_script_in_a_page_url_and_a_trait_reaches_the_topic_verbatim_as_json_strings() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            String email = EventsResourceTest.uniqueEmail();
            String nativeEvent = """
                    {"type": "page.viewed", "email": "%s", "properties": {"url": "https://example.com/%s"},
                     "traits": {"company": "%s"}}""".formatted(email, json(SCRIPT), json(SCRIPT));
            String segmentPage = """
                    {"anonymousId": "a-xss", "userId": "%s", "properties": {"url": "%s"},
                     "context": {"page": {"title": "%s"}, "traits": {"firstName": "%s"}}}"""
                    .formatted(email, JAVASCRIPT_URL, json(SCRIPT), json(SCRIPT));

            EventsResourceTest.postEvents(nativeEvent).then().statusCode(202);
            given().auth().preemptive().basic(EventsResourceTest.SECRET_KEY, "").contentType(ContentType.JSON).body(segmentPage)
                    .when().post("/v1/page").then().statusCode(200);

            List<ReceivedEvent> records = probe.awaitEvents(2, record -> email.equals(record.key()), EventsResourceTest.ARRIVAL);
            JsonNode fromNative = records.stream().filter(r -> r.data().at("/source").asText().equals("api")
                    && r.data().at("/properties/title").isMissingNode()).findFirst().orElseThrow().data();
            JsonNode fromSegment = records.stream().filter(r -> !r.data().at("/properties/title").isMissingNode())
                    .findFirst().orElseThrow().data();
            assertVerbatimText(fromNative.at("/properties/url"), "https://example.com/" + SCRIPT);
            assertVerbatimText(fromNative.at("/traits/company"), SCRIPT);
            assertVerbatimText(fromSegment.at("/properties/url"), JAVASCRIPT_URL);
            assertVerbatimText(fromSegment.at("/properties/title"), SCRIPT);
            assertVerbatimText(fromSegment.at("/traits/firstName"), SCRIPT);
        }
    }

    @Test
    void a_javascript_url_is_never_a_click_redirect_target() {
        for (String url : List.of(JAVASCRIPT_URL, " JavaScript:alert(1)", "javascript://example.com/%0Aalert(1)",
                "data:text/html,<script>alert(1)</script>", "//evil.example/")) {
            given().auth().preemptive().basic(EventsResourceTest.SECRET_KEY, "").contentType(ContentType.JSON)
                    .body(Map.of("email", "ada@example.com", "url", url))
                    .when().post("/v1/email-links")
                    .then().statusCode(400).body("errors.field", contains("url"));
        }
    }

    private static void assertVerbatimText(JsonNode value, String expected) {
        assertThat(value.isTextual()).as("%s is a JSON string", value).isTrue();
        assertThat(value.textValue()).isEqualTo(expected);
    }

    /** Text inside a JSON string literal. */
    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
