package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.leadflow.events.Topics;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Write keys, origins and CORS; the broker comes from the test resource declared on {@link EventsResourceTest}. */
@QuarkusTest
class WriteKeysTest {

    private static final String LOCALHOST = "http://localhost";

    @Test
    void a_secret_key_is_accepted_as_the_basic_user_or_in_the_body() {
        String email = EventsResourceTest.uniqueEmail();

        EventsResourceTest.postEvents(event(email)).then().statusCode(202);
        given().contentType(ContentType.JSON)
                .body("{\"writeKey\": \"lf_dev_secret\", \"events\": [" + event(email) + "]}")
                .when().post("/v1/events")
                .then().statusCode(202).body("eventIds", hasSize(1));
    }

    @Test
    void a_missing_or_unknown_key_is_unauthorized_and_nothing_is_written() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            given().contentType(ContentType.JSON).body(event(EventsResourceTest.uniqueEmail()))
                    .when().post("/v1/events")
                    .then().statusCode(401)
                    .contentType(Problems.MEDIA_TYPE)
                    .header("WWW-Authenticate", containsString("Basic"))
                    .body("status", is(401));
            given().auth().preemptive().basic("lf_not_a_key", "").contentType(ContentType.JSON)
                    .body(event(EventsResourceTest.uniqueEmail()))
                    .when().post("/v1/events")
                    .then().statusCode(401).body("detail", containsString("not known"));
            // an unreadable body carries no key either
            given().contentType(ContentType.JSON).body("{\"type\": ").when().post("/v1/events")
                    .then().statusCode(401);

            assertThat(probe.collectFor(EventsResourceTest.QUIET)).isEmpty();
        }
    }

    @Test
    void a_public_key_works_from_its_origin_only() {
        given().auth().preemptive().basic(EventsResourceTest.PUBLIC_KEY, "").header("Origin", LOCALHOST)
                .contentType(ContentType.JSON).body(anonymousPageView())
                .when().post("/v1/events")
                .then().statusCode(202)
                .header("Access-Control-Allow-Origin", LOCALHOST);
        given().auth().preemptive().basic(EventsResourceTest.PUBLIC_KEY, "").header("Origin", "https://evil.example")
                .contentType(ContentType.JSON).body(anonymousPageView())
                .when().post("/v1/events")
                .then().statusCode(403)
                .contentType(Problems.MEDIA_TYPE)
                .header("Access-Control-Allow-Origin", nullValue());
        // a server using the public key sends no Origin: refused too
        given().contentType(ContentType.JSON).body("{\"writeKey\": \"lf_dev_public\", \"events\": [" + anonymousPageView() + "]}")
                .when().post("/v1/events")
                .then().statusCode(403);
    }

    @Test
    void a_public_key_sends_anonymous_browser_engagement_only_and_anything_else_is_refused_naming_the_field() {
        String email = EventsResourceTest.uniqueEmail();
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // identity, traits and engagement a browser cannot vouch for: each refused, naming what it may not send
            asPublicKey("/v1/events", "{\"type\": \"page.viewed\", \"email\": \"%s\"}".formatted(email))
                    .then().statusCode(403).contentType(Problems.MEDIA_TYPE).body("errors.field", contains("email"));
            asPublicKey("/v1/events", "{\"type\": \"page.viewed\", \"anonymousId\": \"a-1\", \"traits\": {\"email\": \"%s\"}}"
                    .formatted(email)).then().statusCode(403).body("errors.field", contains("traits"));
            asPublicKey("/v1/events", "{\"events\": [{\"type\": \"page.viewed\", \"anonymousId\": \"a-1\"}, "
                    + "{\"type\": \"purchase.completed\", \"anonymousId\": \"a-1\"}, {\"type\": \"demo.requested\", \"anonymousId\": \"a-1\"}]}")
                    .then().statusCode(403).body("errors.field", contains("events[1].type", "events[2].type"))
                    .body("errors[0].message", containsString("page.viewed"));
            asPublicKey("/v1/track", "{\"event\": \"Demo Requested\", \"anonymousId\": \"a-1\"}")
                    .then().statusCode(403).body("errors.field", contains("event"));
            asPublicKey("/v1/page", "{\"userId\": \"%s\", \"anonymousId\": \"a-1\"}".formatted(email))
                    .then().statusCode(403).body("errors.field", contains("userId"));
            asPublicKey("/v1/batch", "{\"batch\": [{\"type\": \"page\", \"anonymousId\": \"a-1\", "
                    + "\"context\": {\"traits\": {\"email\": \"%s\"}}}]}".formatted(email))
                    .then().statusCode(403).body("errors.field", contains("batch[0].context.traits"));

            assertThat(probe.collectFor(EventsResourceTest.QUIET)).isEmpty();

            // anonymous engagement of the allowed types is captured, and a secret key still identifies
            asPublicKey("/v1/track", "{\"event\": \"Content Downloaded\", \"anonymousId\": \"a-1\", \"context\": {\"traits\": {}}}")
                    .then().statusCode(200);
            given().auth().preemptive().basic(EventsResourceTest.SECRET_KEY, "").contentType(ContentType.JSON)
                    .body("{\"type\": \"demo.requested\", \"email\": \"%s\", \"traits\": {\"company\": \"Acme\"}}".formatted(email))
                    .when().post("/v1/events").then().statusCode(202);
        }
    }

    @Test
    void the_shipped_forms_are_bound_to_origins() {
        Map<String, String> fields = Map.of("email", EventsResourceTest.uniqueEmail());
        for (String form : List.of("demo-request", "newsletter")) {
            given().redirects().follow(false).contentType(ContentType.URLENC).formParams(fields)
                    .header("Origin", "https://evil.example")
                    .when().post("/v1/forms/" + form)
                    .then().statusCode(403).contentType(Problems.MEDIA_TYPE);
        }
    }

    @Test
    void a_preflight_from_a_public_keys_origin_is_answered_and_cached() {
        given().header("Origin", LOCALHOST)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .when().options("/v1/events")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", LOCALHOST)
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Max-Age", "86400");
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/v1/events")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void a_form_bound_to_an_origin_is_refused_from_another_and_forms_need_no_key() {
        Map<String, String> fields = Map.of("email", EventsResourceTest.uniqueEmail());

        given().redirects().follow(false).contentType(ContentType.URLENC).formParams(fields)
                .header("Origin", "https://evil.example")
                .when().post("/v1/forms/partner-webinar")
                .then().statusCode(403).contentType(Problems.MEDIA_TYPE);
        given().redirects().follow(false).contentType(ContentType.URLENC).formParams(fields)
                .header("Referer", "https://partner.example.com/webinar")
                .when().post("/v1/forms/partner-webinar")
                .then().statusCode(303);
    }

    private static io.restassured.response.Response asPublicKey(String path, String body) {
        return given().auth().preemptive().basic(EventsResourceTest.PUBLIC_KEY, "").header("Origin", LOCALHOST)
                .contentType(ContentType.JSON).body(body).when().post(path);
    }

    private static String anonymousPageView() {
        return "{\"type\": \"page.viewed\", \"anonymousId\": \"a-1\"}";
    }

    private static String event(String email) {
        return "{\"type\": \"page.viewed\", \"email\": \"%s\"}".formatted(email);
    }
}
