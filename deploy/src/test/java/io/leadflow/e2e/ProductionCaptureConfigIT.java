package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged capture-service (quarkus-app/quarkus-run.jar) in its production profile, with no development
 * configuration: it refuses to start with a published development write key or link-signing secret, or without
 * a link-signing secret, naming what to set (config key and env var), and starts with keys of its own.
 */
class ProductionCaptureConfigIT {

    private static final Path ROOT = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target/production-capture-config");
    private static final String OWN_LINK_SECRET = "a-deployments-own-link-signing-secret-0123456789";
    /** SHA-256 of the published lf_dev_secret, as capture-service's dev profile and the local stack hold it. */
    private static final String LF_DEV_SECRET_SHA256 = "2e57c10c4eff0b7750e501940a8969aeea49c341e8f5b3ac7c5b0f0ea8bcd714";
    /** SHA-256 of a key of this test only. */
    private static final String OWN_KEY_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void a_published_development_write_key_stops_the_start_naming_what_to_set() throws IOException {
        String log = refusedStart("dev-key", Map.of("dev-secret", LF_DEV_SECRET_SHA256), OWN_LINK_SECRET);

        assertThat(log).contains("lf_dev_secret", "leadflow.capture.write-keys-dir", "LEADFLOW_CAPTURE_WRITE_KEYS_DIR");
    }

    @Test
    void no_link_signing_secret_stops_the_start_naming_what_to_set() throws IOException {
        String log = refusedStart("no-link-secret", Map.of("server", OWN_KEY_SHA256), null);

        assertThat(log).contains("no link-signing secret is set", "leadflow.capture.link-signing-secrets",
                "LEADFLOW_CAPTURE_LINK_SIGNING_SECRETS");
    }

    @Test
    void the_published_development_link_signing_secret_stops_the_start() throws IOException {
        String log = refusedStart("dev-link-secret", Map.of("server", OWN_KEY_SHA256), "lf-dev-link-signing-secret-change-me-0001");

        assertThat(log).contains("published development secret", "LEADFLOW_CAPTURE_LINK_SIGNING_SECRETS");
    }

    @Test
    void keys_and_a_secret_of_its_own_start_it() throws IOException {
        try (ServiceProcess capture = ServiceProcess.start(ROOT, "capture-service", "capture-own-secrets", LeadflowStack.freePort(),
                environment("own-secrets", Map.of("server", OWN_KEY_SHA256), OWN_LINK_SECRET), LOGS)) {
            await("capture started").atMost(Duration.ofSeconds(60)).until(() -> capture.log().contains("started in"));
            assertThat(capture.log()).doesNotContain("does not start");
        }
    }

    /** Starts capture with these keys (by name, their SHA-256) and link secret; the log of its refused start. */
    private static String refusedStart(String run, Map<String, String> keys, String linkSecret) throws IOException {
        try (ServiceProcess capture = ServiceProcess.start(ROOT, "capture-service", "capture-" + run, LeadflowStack.freePort(),
                environment(run, keys, linkSecret), LOGS)) {
            assertThat(capture.awaitExit(Duration.ofSeconds(60))).as("exit code").isNotZero();
            String log = capture.log();
            assertThat(log).doesNotContain("started in");
            return log;
        }
    }

    /** Production configuration only: no profile chosen (prod), keys as files of a directory, a broker nobody listens on. */
    private static Map<String, String> environment(String run, Map<String, String> keys, String linkSecret) throws IOException {
        Path directory = LOGS.resolve(run + "-write-keys").toAbsolutePath();
        Files.createDirectories(directory);
        for (Map.Entry<String, String> key : keys.entrySet()) {
            Files.writeString(directory.resolve(key.getKey()), "kind=secret\nsha256=" + key.getValue() + "\n");
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "LEADFLOW_CAPTURE_WRITE_KEYS_DIR", directory.toString(),
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + LeadflowStack.freePort(),
                "QUARKUS_MANAGEMENT_PORT", String.valueOf(LeadflowStack.freePort()),
                // what every production service sets for its bearer JWTs (docs/security.md)
                "MP_JWT_VERIFY_AUDIENCES", "leadflow"));
        if (linkSecret != null) {
            env.put("LEADFLOW_CAPTURE_LINK_SIGNING_SECRETS", linkSecret);
        }
        return env;
    }
}
