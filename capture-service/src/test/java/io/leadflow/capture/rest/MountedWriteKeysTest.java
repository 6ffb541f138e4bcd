package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.leadflow.capture.domain.WriteKeyRing;
import io.leadflow.localinfra.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Write keys defined by the files of the keys directory, as a mounted Kubernetes Secret holds them (one
 * entry a key): a file added works and a file removed stops working without a restart; the management API
 * lists such a key and, asked to revoke it, says how.
 */
@QuarkusTest
class MountedWriteKeysTest {

    /** {@code %test.leadflow.capture.write-keys-dir}. */
    private static final Path MOUNTED = Path.of("target/test-write-keys/mounted");
    private static final String ADMIN = DevTokens.bearer("ada", "admin");

    @Test
    void a_key_whose_file_is_removed_is_refused_without_a_restart() throws IOException {
        String key = "lf_sec_" + UUID.randomUUID();
        String name = "mounted-" + key.substring(7, 15);
        Files.createDirectories(MOUNTED);
        Path file = MOUNTED.resolve(name);
        Files.writeString(file, "kind=secret\nsha256=" + WriteKeyRing.sha256(key) + "\n");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> post(key).statusCode() == 202);
            given().header("Authorization", ADMIN).when().get("/v1/admin/write-keys").then().statusCode(200)
                    .body("writeKeys.findAll { it.source == 'directory' }.id", hasItem(name));
            given().header("Authorization", ADMIN).when().delete("/v1/admin/write-keys/" + name).then().statusCode(409)
                    .contentType(Problems.MEDIA_TYPE).body("detail", containsString("delete that file"));
        } finally {
            Files.delete(file);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> post(key).statusCode() == 401);
    }

    @Test
    void a_configured_keys_refused_revocation_says_how_to_remove_it() {
        given().header("Authorization", ADMIN).when().delete("/v1/admin/write-keys/dev-secret").then().statusCode(409)
                .body("detail", containsString("remove its entries from the configuration"));
    }

    private static Response post(String key) {
        return given().auth().preemptive().basic(key, "").contentType(ContentType.JSON)
                .body("{\"type\": \"page.viewed\", \"anonymousId\": \"mounted-key-test\"}").when().post("/v1/events");
    }
}
