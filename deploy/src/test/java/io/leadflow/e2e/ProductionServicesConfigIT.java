package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.testsupport.SharedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged scoring, handoff and crm-sync services (quarkus-app/quarkus-run.jar) in their production profile with
 * production configuration only: each refuses to start without a JWT audience or without the erasure key secret,
 * crm-sync also without the CRM target it writes to, each naming the variable to set; with all of them set, each
 * starts. capture's refusals are {@link ProductionCaptureConfigIT}'s.
 */
class ProductionServicesConfigIT {

    private static final Path ROOT = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target/production-services-config");
    private static final String DATABASE = "leadflow_prodcfg_" + ProcessHandle.current().pid();
    private static final Map<String, String> SCHEMAS = Map.of("scoring-service", "scoring", "handoff-service", "handoff",
            "crm-sync-service", "crm_sync");

    private static SharedPostgres.Server db;

    @BeforeAll
    static void database() {
        db = SharedPostgres.freshDatabase(DATABASE);
    }

    @AfterAll
    static void dropDatabase() {
        SharedPostgres.dropDatabase(DATABASE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scoring-service", "handoff-service", "crm-sync-service"})
    void no_jwt_audience_stops_the_start_naming_what_to_set(String service) {
        String log = refusedStart(service, "no-audience", Set.of("MP_JWT_VERIFY_AUDIENCES"));

        assertThat(log).contains("MP_JWT_VERIFY_AUDIENCES is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scoring-service", "handoff-service", "crm-sync-service"})
    void no_erasure_key_secret_stops_the_start_naming_what_to_set(String service) {
        String log = refusedStart(service, "no-erasure-secret", Set.of("LEADFLOW_ERASURE_KEY_SECRET"));

        assertThat(log).contains("no erasure key secret: set LEADFLOW_ERASURE_KEY_SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm-sync-service"})
    void crm_sync_without_its_crm_target_stops_the_start_naming_what_to_set(String service) {
        String log = refusedStart(service, "no-crm-target", Set.of("LEADFLOW_CRM_WEBHOOK_URL"));

        assertThat(log).contains("LEADFLOW_CRM_WEBHOOK_URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scoring-service", "handoff-service", "crm-sync-service"})
    void its_own_settings_start_it(String service) {
        try (ServiceProcess process = ServiceProcess.start(ROOT, service, service + "-complete", LeadflowStack.freePort(),
                production(service, Set.of()), LOGS)) {
            await(service + " started").atMost(Duration.ofSeconds(90)).until(() -> process.log().contains("started in"));
            assertThat(process.log()).doesNotContain("MP_JWT_VERIFY_AUDIENCES is not set", "no erasure key secret", "Failed to start");
        }
    }

    /** Starts the service with production settings less {@code unset}; the log of its refused start. */
    private static String refusedStart(String service, String run, Set<String> unset) {
        try (ServiceProcess process = ServiceProcess.start(ROOT, service, service + "-" + run, LeadflowStack.freePort(),
                production(service, unset), LOGS)) {
            assertThat(process.awaitExit(Duration.ofSeconds(90))).as(service + " exit code").isNotZero();
            String log = process.log();
            assertThat(log).doesNotContain("started in");
            return log;
        }
    }

    /**
     * What a deployment sets (docs/security.md, deploy/k8s): its database, a broker address (nobody listens there:
     * the checks come first), its own JWT audience and erasure key secret, crm-sync's CRM target; no profile chosen.
     */
    private static Map<String, String> production(String service, Set<String> unset) {
        String schema = SCHEMAS.get(service);
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + LeadflowStack.freePort(),
                "QUARKUS_DATASOURCE_USERNAME", db.user(),
                "QUARKUS_DATASOURCE_PASSWORD", db.password(),
                "QUARKUS_DATASOURCE_REACTIVE_URL", db.reactiveUrl(DATABASE) + "?search_path=" + schema,
                "QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(DATABASE) + "?currentSchema=" + schema,
                "MP_JWT_VERIFY_AUDIENCES", "leadflow-api",
                "LEADFLOW_ERASURE_KEY_SECRET", "a-deployments-own-erasure-key-secret-0123456789"));
        if (service.equals("crm-sync-service")) {
            env.put("LEADFLOW_CRM_WEBHOOK_URL", "http://127.0.0.1:" + LeadflowStack.freePort() + "/crm/leads");
            env.put("LEADFLOW_CRM_WEBHOOK_SECRETS", "whsec_YS1kZXBsb3ltZW50cy1vd24td2ViaG9vay1zZWNyZXQ=");
        }
        unset.forEach(env::remove);
        return env;
    }
}
