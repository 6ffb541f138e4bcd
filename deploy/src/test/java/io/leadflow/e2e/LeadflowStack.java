package io.leadflow.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.leadflow.events.Topics;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.testsupport.KafkaTopics;
import io.leadflow.testsupport.SharedKafka;
import io.leadflow.testsupport.SharedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole pipeline for an end-to-end test: one real broker, one real database (a schema per
 * service), a WireMock server standing in for the CRM webhook, and the four packaged services.
 */
final class LeadflowStack implements AutoCloseable {

    private static final int LISTEN_PORTS_FROM = 20_000;
    private static final int LISTEN_PORTS_TO = 32_768;
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(ThreadLocalRandom.current().nextInt(LISTEN_PORTS_TO - LISTEN_PORTS_FROM));

    static final String WEBHOOK_SECRET = "whsec_ZTJlLXdlYmhvb2stc2VjcmV0LWZvci10aGUtc3RhY2s=";
    /** The erasure secret scoring, handoff and crm-sync share (production refuses to start without one): this run's own. */
    private static final String ERASURE_KEY_SECRET = "e2e-erasure-key-secret-" + UUID.randomUUID();
    /** capture's secret write key in this run (the packaged service knows no development key). */
    static final String WRITE_KEY = "lf_sec_e2e_" + UUID.randomUUID();
    /** capture's public write key in this run, bound to capture's own origin: the snippet on capture's pages uses it. */
    static final String PUBLIC_WRITE_KEY = "lf_pub_e2e_" + UUID.randomUUID();
    /** {@link #WRITE_KEY} as the HTTP Basic user with an empty password. */
    static final String WRITE_KEY_AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
    static final List<String> CONTRACT_TOPICS = List.of(Topics.ENGAGEMENT, Topics.LEAD_SCORES, Topics.LIFECYCLE,
            Topics.HANDOFFS, Topics.SALES_FEEDBACK, Topics.CRM_SYNC, Topics.ERASURE, Topics.ACCOUNTS);
    // one database per run, so end-to-end runs on one machine never share state
    private static final String DATABASE = "leadflow_e2e_" + ProcessHandle.current().pid();

    private final WireMockServer webhook;
    private final String bootstrap;
    private final SharedPostgres.Server db;
    private final Path root;
    private final Path logDir;
    private final Map<String, ServiceProcess> services = new HashMap<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    // a scale-in stops its instances at once
    private final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    private final Map<String, String> signIn;

    private LeadflowStack(Path root, Path logDir, WireMockServer webhook, String bootstrap, SharedPostgres.Server db,
            Map<String, String> signIn) {
        this.root = root;
        this.logDir = logDir;
        this.webhook = webhook;
        this.bootstrap = bootstrap;
        this.db = db;
        this.signIn = signIn;
    }

    /** The stack on the test JVM's shared broker. */
    static LeadflowStack start(Path root, Path logDir) {
        return start(root, logDir, SharedKafka.bootstrapServers());
    }

    /**
     * The stack on the test JVM's shared broker, its services taking the tokens {@code signIn} names (the
     * {@code MP_JWT_VERIFY_*} variables, and the console's provider client) instead of the development ones.
     */
    static LeadflowStack start(Path root, Path logDir, Map<String, String> signIn) {
        return start(root, logDir, SharedKafka.bootstrapServers(), signIn);
    }

    /** The stack on the broker at {@code bootstrap}, with the contract's topics and their dead-letter topics. */
    static LeadflowStack start(Path root, Path logDir, String bootstrap) {
        return start(root, logDir, bootstrap, devSignIn(root));
    }

    private static LeadflowStack start(Path root, Path logDir, String bootstrap, Map<String, String> signIn) {
        List<String> topics = new ArrayList<>(CONTRACT_TOPICS);
        CONTRACT_TOPICS.forEach(topic -> topics.add(Topics.deadLetter(topic)));
        KafkaTopics.ensure(bootstrap, topics);
        SharedPostgres.Server db = SharedPostgres.freshDatabase(DATABASE);
        WireMockServer webhook = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        webhook.start();
        LeadflowStack stack = new LeadflowStack(root, logDir, webhook, bootstrap, db, signIn);
        try {
            // the console, served by handoff, calls scoring and crm-sync from handoff's origin: they learn each other's ports first
            ServicePorts ports = new ServicePorts(freePort(), freePort(), freePort(), freePort());
            stack.launch("capture-service", ports.capture(), captureEnvironment(bootstrap, logDir, ports.url(ports.capture())));
            Map<String, String> scoring = new HashMap<>(withDatabase(bootstrap, db, "scoring"));
            scoring.put("LEADFLOW_CONSOLE_ORIGIN", ports.url(ports.handoff()));
            scoring.put("LEADFLOW_ERASURE_KEY_SECRET", ERASURE_KEY_SECRET);
            stack.launch("scoring-service", ports.scoring(), scoring);
            Map<String, String> handoff = new HashMap<>(withDatabase(bootstrap, db, "handoff"));
            handoff.put("LEADFLOW_CONSOLE_SCORING_URL", ports.url(ports.scoring()));
            handoff.put("LEADFLOW_ERASURE_KEY_SECRET", ERASURE_KEY_SECRET);
            handoff.put("LEADFLOW_CONSOLE_CRM_SYNC_URL", ports.url(ports.crmSync()));
            stack.launch("handoff-service", ports.handoff(), handoff);
            Map<String, String> crm = new HashMap<>(withDatabase(bootstrap, db, "crm_sync"));
            crm.put("LEADFLOW_CONSOLE_ORIGIN", ports.url(ports.handoff()));
            crm.put("LEADFLOW_ERASURE_KEY_SECRET", ERASURE_KEY_SECRET);
            crm.put("LEADFLOW_CRM_WEBHOOK_URL", webhook.baseUrl() + "/crm/leads");
            crm.put("LEADFLOW_CRM_WEBHOOK_SECRETS", WEBHOOK_SECRET);
            stack.launch("crm-sync-service", ports.crmSync(), crm);
            stack.started.forEach(service -> service.awaitReady(Duration.ofSeconds(90)));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * capture in its production profile with keys of this run only, as a deployment passes them: the write key
     * {@link #WRITE_KEY} and {@link #PUBLIC_WRITE_KEY} (bound to {@code origin}, capture's own) in a keys directory (one
     * file a key, as a mounted Kubernetes Secret) and a link-signing secret.
     */
    private static Map<String, String> captureEnvironment(String bootstrap, Path logDir, String origin) {
        Path keys = logDir.resolve("capture-write-keys");
        try {
            Files.createDirectories(keys);
            Files.writeString(keys.resolve("e2e"), "kind=secret\nsha256=" + sha256(WRITE_KEY) + "\n");
            Files.writeString(keys.resolve("e2e-public"), "kind=public\nsha256=" + sha256(PUBLIC_WRITE_KEY) + "\nallowed-origins="
                    + origin + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "LEADFLOW_CAPTURE_WRITE_KEYS_DIR", keys.toAbsolutePath().toString(),
                "LEADFLOW_CAPTURE_LINK_SIGNING_SECRETS", "e2e-link-signing-secret-" + UUID.randomUUID());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Map<String, String> withDatabase(String bootstrap, SharedPostgres.Server db, String schema) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "QUARKUS_DATASOURCE_USERNAME", db.user(),
                "QUARKUS_DATASOURCE_PASSWORD", db.password(),
                "QUARKUS_DATASOURCE_REACTIVE_URL", db.reactiveUrl(DATABASE) + "?search_path=" + schema,
                "QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(DATABASE) + "?currentSchema=" + schema);
    }

    /** The ports the four services listen on. */
    private record ServicePorts(int capture, int scoring, int handoff, int crmSync) {
        String url(int port) {
            return "http://127.0.0.1:" + port;
        }
    }

    private void launch(String name, int port, Map<String, String> serviceEnv) {
        Map<String, String> env = new HashMap<>(serviceEnv);
        env.putAll(signIn);
        ServiceProcess service = ServiceProcess.start(root, name, port, env, logDir);
        started.add(service);
        services.put(name, service);
        environments.put(name, env);
    }

    /**
     * The services verify bearer JWTs with the development keys, as the local stack's do (docs/security.md), and the
     * console takes such a token pasted.
     */
    private static Map<String, String> devSignIn(Path root) {
        return Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + root.resolve("local-infra/src/main/resources").resolve(DevTokens.VERIFICATION_KEYS_RESOURCE),
                "MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER,
                "MP_JWT_VERIFY_AUDIENCES", DevTokens.AUDIENCE,
                "LEADFLOW_CONSOLE_TOKEN_PASTE", "true");
    }

    /** Starts another instance of a service, in the same consumer groups: a scale-out. */
    ServiceProcess addInstance(String name) {
        long running = started.stream().filter(service -> service.name().equals(name)).count();
        ServiceProcess extra = ServiceProcess.start(root, name, name + "-" + (running + 1), freePort(), environments.get(name), logDir);
        started.add(extra);
        return extra;
    }

    /** Stops an instance {@link #addInstance} started, gracefully: a scale-in; true when it exited by itself in time. */
    boolean removeInstance(ServiceProcess extra) {
        started.remove(extra);
        return extra.stop();
    }

    String url(String service) {
        return services.get(service).baseUrl();
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    List<ServiceProcess> services() {
        return List.copyOf(started);
    }

    String bootstrapServers() {
        return bootstrap;
    }

    /** The PostgreSQL server the services use. */
    SharedPostgres.Server postgres() {
        return db;
    }

    /** A JDBC connection to the stack's database (each service has its own schema in it). */
    java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(db.jdbcUrl(DATABASE), db.user(), db.password());
    }

    WireMockServer webhook() {
        return webhook;
    }

    // A port below Linux's ephemeral range (32768-60999), where every outgoing connection of the stack takes its local
    // port: one picked there (new ServerSocket(0)) and bound seconds later by a starting service could be taken by
    // then, and a CI run saw handoff fail to start with "Port ... seems to be in use".
    static int freePort() {
        for (int tries = 0; tries < LISTEN_PORTS_TO - LISTEN_PORTS_FROM; tries++) {
            int port = LISTEN_PORTS_FROM + NEXT_PORT.getAndIncrement() % (LISTEN_PORTS_TO - LISTEN_PORTS_FROM);
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("no free port in " + LISTEN_PORTS_FROM + "-" + LISTEN_PORTS_TO);
    }

    @Override
    public void close() {
        started.forEach(ServiceProcess::close);
        webhook.stop();
        SharedPostgres.dropDatabase(DATABASE);
    }
}
