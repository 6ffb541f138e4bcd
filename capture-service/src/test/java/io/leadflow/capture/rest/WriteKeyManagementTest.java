package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.capture.domain.WriteKeyRing;
import io.leadflow.events.Topics;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.testsupport.ManagementInterface;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The write-key management API; the broker comes from the test resource declared on {@link EventsResourceTest}. */
@QuarkusTest
class WriteKeyManagementTest {

    private static final String ADMIN = DevTokens.bearer("ada", "admin");
    private static final String MARKETING_OPS = DevTokens.bearer("mo", "marketing-ops");
    private static final String KEYS = "/v1/admin/write-keys";
    /** As configured for the test profile. */
    private static final Path KEYS_FILE = Path.of("target/test-write-keys/write-keys.json");
    private static final String SHOP = "https://shop.example.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_made_secret_key_captures_until_it_is_revoked_and_only_its_hash_is_kept() throws Exception {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // Given a key made through the API
            var made = as(ADMIN).contentType(ContentType.JSON)
                    .body("{\"kind\": \"secret\", \"description\": \"CRM sync\"}")
                    .when().post(KEYS)
                    .then().statusCode(201)
                    .header("Location", containsString(KEYS + "/wk_"))
                    .extract();
            String id = made.path("id");
            String key = made.path("key");
            assertThat(key).startsWith("lf_sec_");
            assertThat(made.<String>path("source")).isEqualTo("api");

            // When it is used
            String email = EventsResourceTest.uniqueEmail();
            withKey(key).body("{\"type\": \"page.viewed\", \"email\": \"%s\"}".formatted(email))
                    .when().post("/v1/events").then().statusCode(202);

            // Then its event is written, the list shows the key without secrets, the file holds its hash only
            probe.awaitEvents(1, event -> email.equals(event.key()), EventsResourceTest.ARRIVAL);
            as(MARKETING_OPS).when().get(KEYS).then().statusCode(200)
                    .body("writeKeys.id", hasItems(id, "dev-secret", "dev-public"))
                    .body("writeKeys.find { it.id == '%s' }.description".formatted(id), startsWith("CRM"))
                    .body(not(containsString(key)), not(containsString(WriteKeyRing.sha256(key))), not(containsString("\"key\"")));
            assertThat(Files.readString(KEYS_FILE)).contains(WriteKeyRing.sha256(key)).doesNotContain(key);

            // When revoked, then refused at once, and a second revocation finds nothing
            as(ADMIN).when().delete(KEYS + "/" + id).then().statusCode(204);
            withKey(key).body("{\"type\": \"page.viewed\", \"email\": \"%s\"}".formatted(email))
                    .when().post("/v1/events").then().statusCode(401);
            as(ADMIN).when().delete(KEYS + "/" + id).then().statusCode(404).contentType(Problems.MEDIA_TYPE);
            as(ADMIN).when().get(KEYS).then().body("writeKeys.id", not(hasItem(id)));
        }
    }

    @Test
    void a_key_another_instance_added_to_the_shared_file_is_accepted_after_the_reload() throws Exception {
        // Given another instance sharing the keys file wrote a key into it
        String key = "lf_sec_made_by_another_instance_" + UUID.randomUUID();
        ObjectNode contents = (ObjectNode) JSON.readTree(KEYS_FILE.toFile());
        ((ArrayNode) contents.withArray("writeKeys")).addObject()
                .put("id", "wk_other").put("description", "another instance").put("kind", "secret")
                .put("sha256", WriteKeyRing.sha256(key)).put("createdAt", "2026-11-23T09:00:00Z");
        Path written = Files.writeString(KEYS_FILE.resolveSibling("other-instance.tmp"), JSON.writeValueAsString(contents));
        Files.move(written, KEYS_FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        // Then this instance accepts it within the reload interval (1 s in tests), and may revoke it
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                withKey(key).body("{\"type\": \"page.viewed\", \"anonymousId\": \"a-other\"}")
                        .when().post("/v1/events").then().statusCode(202));
        as(ADMIN).when().delete(KEYS + "/wk_other").then().statusCode(204);
        withKey(key).body("{\"type\": \"page.viewed\", \"anonymousId\": \"a-other\"}")
                .when().post("/v1/events").then().statusCode(401);
    }

    @Test
    void a_made_public_key_opens_cors_for_its_origin_until_revoked() {
        String id = as(ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\": \"public\", \"allowedOrigins\": [\"" + SHOP + "\"]}")
                .when().post(KEYS).then().statusCode(201).body("key", startsWith("lf_pub_")).extract().path("id");
        preflight().then().statusCode(204).header("Access-Control-Allow-Origin", SHOP);

        as(ADMIN).when().delete(KEYS + "/" + id).then().statusCode(204);

        preflight().then().statusCode(403);
    }

    @Test
    void a_bad_request_names_the_field_and_a_configured_key_is_not_revoked_here() {
        int keysBefore = as(ADMIN).when().get(KEYS).then().extract().path("writeKeys.size()");

        as(ADMIN).contentType(ContentType.JSON).body("{\"kind\": \"public\"}")
                .when().post(KEYS).then().statusCode(400).contentType(Problems.MEDIA_TYPE)
                .body("errors.field", contains("allowedOrigins"));
        as(ADMIN).contentType(ContentType.JSON).body("{\"kind\": \"shared\"}")
                .when().post(KEYS).then().statusCode(400).body("errors.field", contains("kind"));
        as(ADMIN).when().delete(KEYS + "/dev-secret").then().statusCode(409).contentType(Problems.MEDIA_TYPE);

        as(ADMIN).when().get(KEYS).then().body("writeKeys.size()", is(keysBefore));
        EventsResourceTest.postEvents("{\"type\": \"page.viewed\", \"email\": \"%s\"}".formatted(EventsResourceTest.uniqueEmail()))
                .then().statusCode(202);
    }

    @Test
    void the_management_api_is_in_the_openapi_document() {
        given().baseUri(ManagementInterface.baseUri()).when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey(KEYS))
                .body("components.securitySchemes.keySet()", contains("jwt"))
                .body("components.securitySchemes.jwt.scheme", endsWith("bearer"))
                .body("components.securitySchemes.jwt.bearerFormat", is("JWT"))
                .body("paths.'%s'.post.security[0].keySet()".formatted(KEYS), contains("jwt"));
    }

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer);
    }

    private static RequestSpecification withKey(String key) {
        return given().auth().preemptive().basic(key, "").contentType(ContentType.JSON);
    }

    private static Response preflight() {
        return given().header("Origin", SHOP).header("Access-Control-Request-Method", "POST").when().options("/v1/events");
    }
}
