package io.leadflow.handoff.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The browser console served at /console/: its page and modules with the console's own
 * Content-Security-Policy (its files, and connections to this service, the two it calls and the OIDC
 * provider, nothing inline), its config.json from configuration, and the APIs still under theirs.
 */
@QuarkusTest
class ConsoleServingTest {

    static final String CONSOLE_POLICY = "default-src 'self'; connect-src 'self' http://127.0.0.1:8082 http://127.0.0.1:8084 https://leadflow.local; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Test
    void the_page_is_served_with_the_console_policy_and_loads_its_module() {
        given().when().get("/console/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", CONSOLE_POLICY)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<script type=\"module\" src=\"app.js\"></script>"));
    }

    @Test
    void modules_and_styles_are_served_as_what_they_are_under_the_same_policy() {
        // a module script with another type is refused by the browser (nosniff, strict MIME checking)
        given().when().get("/console/app.js").then().statusCode(200)
                .contentType(containsString("javascript")).header("Content-Security-Policy", CONSOLE_POLICY);
        given().when().get("/console/views/board.js").then().statusCode(200)
                .contentType(containsString("javascript")).header("Content-Security-Policy", CONSOLE_POLICY);
        given().when().get("/console/console.css").then().statusCode(200)
                .contentType(startsWith("text/css")).header("Content-Security-Policy", CONSOLE_POLICY);
    }

    @Test
    void config_json_names_the_services_from_configuration() {
        given().when().get("/console/config.json")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Content-Security-Policy", CONSOLE_POLICY)
                .body("services.handoff", equalTo(""))
                .body("services.scoring", equalTo("http://127.0.0.1:8082"))
                .body("services.crmSync", equalTo("http://127.0.0.1:8084"))
                // the provider is the one whose tokens the services take (mp.jwt.verify.issuer); pasting is for tests and dev
                .body("signIn.oidc.issuer", equalTo("https://leadflow.local/dev"))
                .body("signIn.oidc.clientId", equalTo("leadflow-console"))
                .body("signIn.oidc.scope", equalTo("openid profile"))
                .body("signIn.tokenPaste", equalTo(true));
    }

    @Test
    void theVendoredOidcClientIsServedUnderTheConsolePolicy() {
        given().when().get("/console/vendor/oidc-client-ts.min.js").then().statusCode(200)
                .contentType(containsString("javascript")).header("Content-Security-Policy", CONSOLE_POLICY);
    }

    @Test
    void the_apis_keep_their_own_policy_only() {
        given().when().get("/v1/routing").then().statusCode(401).header("Content-Security-Policy", API_POLICY);
        given().when().get("/q/health").then().statusCode(404).header("Content-Security-Policy", API_POLICY);
        // a path that only starts like the console's is an API path
        given().when().get("/consoles").then().statusCode(404).header("Content-Security-Policy", API_POLICY);
    }
}
