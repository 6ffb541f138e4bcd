package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md, "Response headers": every kind of answer capture gives carries them, once each,
 * and each HTML page a CSP naming exactly what it loads.
 */
@QuarkusTest
class ResponseHeadersTest {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Test
    void a_json_answer_carries_them() {
        Response accepted = EventsResourceTest.postEvents("{\"type\": \"page.viewed\", \"anonymousId\": \"a-headers\"}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertSecurityHeaders(accepted, API_POLICY);
    }

    @Test
    void a_problem_answer_carries_them() {
        Response refused = EventsResourceTest.postEvents("{\"type\": \"no.such-type\", \"anonymousId\": \"a-headers\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith(Problems.MEDIA_TYPE);
        assertSecurityHeaders(refused, API_POLICY);
    }

    @Test
    void the_example_page_may_load_only_its_script_stylesheet_beacon_and_form_posts() {
        Response page = given().when().get("/example.html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertSecurityHeaders(page, "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'", "same-origin");
    }

    @Test
    void the_thank_you_page_and_a_problem_page_load_nothing_so_they_get_the_api_policy() {
        Response thanks = given().when().get("/thanks.html");
        Response problemPage = given().header("Origin", "http://localhost").redirects().follow(false).accept(ContentType.HTML)
                .contentType(ContentType.URLENC)
                .formParams(Map.of("first_name", "Ada")).when().post("/v1/forms/newsletter");

        assertThat(thanks.statusCode()).isEqualTo(200);
        assertSecurityHeaders(thanks, API_POLICY);
        assertThat(problemPage.statusCode()).isEqualTo(400);
        assertThat(problemPage.contentType()).startsWith("text/html");
        assertSecurityHeaders(problemPage, API_POLICY);
    }

    @Test
    void the_pixel_and_the_redirects_carry_them() {
        String clickUrl = given().auth().preemptive().basic(EventsResourceTest.SECRET_KEY, "").contentType(ContentType.JSON)
                .body("{\"email\": \"ada@example.com\", \"url\": \"https://example.com/pricing\"}")
                .when().post("/v1/email-links").then().statusCode(200).extract().path("clickUrl");

        Response pixel = given().when().get("/v1/o/not-a-token.gif");
        Response click = given().redirects().follow(false).when().get(URI.create(clickUrl).getRawPath());
        Response formRedirect = given().header("Origin", "http://localhost").redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("email", EventsResourceTest.uniqueEmail())).when().post("/v1/forms/newsletter");

        assertThat(pixel.statusCode()).isEqualTo(200);
        assertThat(pixel.contentType()).isEqualTo("image/gif");
        assertSecurityHeaders(pixel, API_POLICY);
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.header("Location")).isEqualTo("https://example.com/pricing");
        assertSecurityHeaders(click, API_POLICY);
        assertThat(formRedirect.statusCode()).isEqualTo(303);
        assertSecurityHeaders(formRedirect, API_POLICY);
    }

    @Test
    void swagger_ui_is_not_served_on_the_api_port() {
        // with the OpenAPI document on the management port (docs/security.md, "Management port"); a production build has none
        Response ui = given().when().get("/q/swagger-ui/");

        assertThat(ui.statusCode()).isEqualTo(404);
        assertSecurityHeaders(ui, API_POLICY);
    }

    @Test
    void the_api_ports_answer_to_a_management_path_carries_them() {
        // health is served on the management port (ManagementPortTest): here /q/health is unknown, as any other path
        Response health = given().when().get("/q/health");

        assertThat(health.statusCode()).isEqualTo(404);
        assertSecurityHeaders(health, API_POLICY);
    }

    private static void assertSecurityHeaders(Response answer, String contentSecurityPolicy) {
        assertSecurityHeaders(answer, contentSecurityPolicy, "no-referrer");
    }

    private static void assertSecurityHeaders(Response answer, String contentSecurityPolicy, String referrerPolicy) {
        assertThat(answer.headers().getValues("Content-Security-Policy")).containsExactly(contentSecurityPolicy);
        assertThat(answer.headers().getValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(answer.headers().getValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(answer.headers().getValues("Referrer-Policy")).containsExactly(referrerPolicy);
        assertThat(answer.headers().getValues("Strict-Transport-Security")).containsExactly("max-age=31536000");
    }
}
