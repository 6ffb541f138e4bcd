package io.leadflow.e2e;

import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.leadflow.events.Topics;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.testsupport.KafkaTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Leadflow as containers: the four service images, a Kafka broker and a PostgreSQL server, each from its image built by
 * deploy/images/build, run by podman on the host's network (every listener on 127.0.0.1 at a free port) the way the
 * Kubernetes manifests run them: non-root, read-only root filesystem with a tmpfs /tmp, no capabilities, the database
 * reached over TLS verified in full (a CA and a server certificate made for this run). WireMock in the test JVM stands
 * in for the CRM webhook.
 */
final class ContainerStack implements AutoCloseable {

    static final List<String> SERVICES = List.of("capture-service", "scoring-service", "handoff-service", "crm-sync-service");
    private static final String DB_PASSWORD = "images-" + UUID.randomUUID();
    private static final String ERASURE_KEY_SECRET = "images-erasure-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String tag;
    private final String prefix = "lf-images-" + ProcessHandle.current().pid() + "-";
    private final Path work;
    private final Path root;
    private final List<String> containers = new ArrayList<>();
    private final Map<String, Integer> apiPorts = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final int kafkaPort = LeadflowStack.freePort();
    private final int postgresPort = LeadflowStack.freePort();
    private final WireMockServer webhook = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    private ContainerStack(Path root, Path work, String tag) {
        this.root = root;
        this.work = work;
        this.tag = tag;
    }

    static List<String> images(String tag, String kafkaVersion) {
        List<String> images = new ArrayList<>(SERVICES.stream().map(service -> "leadflow/" + service + ":" + tag).toList());
        images.add("localhost/leadflow/kafka:" + kafkaVersion);
        images.add("localhost/leadflow/postgres:15");
        return images;
    }

    static ContainerStack start(Path root, Path work, String tag, String kafkaVersion) throws Exception {
        Files.createDirectories(work);
        ContainerStack stack = new ContainerStack(root, work, tag);
        try {
            stack.webhook.start();
            stack.startKafka(kafkaVersion);
            stack.startPostgres();
            List<String> topics = new ArrayList<>(LeadflowStack.CONTRACT_TOPICS);
            LeadflowStack.CONTRACT_TOPICS.forEach(topic -> topics.add(Topics.deadLetter(topic)));
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions().untilAsserted(() -> KafkaTopics.ensure(stack.bootstrap(), topics));
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> {
                try (Connection db = stack.database()) {
                    return db.isValid(2);
                }
            });
            for (String service : SERVICES) {
                stack.startService(service);
            }
            for (String service : SERVICES) {
                stack.awaitReady(service, Duration.ofMinutes(3));
            }
            return stack;
        } catch (Exception | AssertionError e) {
            stack.close();
            throw e;
        }
    }

    private void startKafka(String version) {
        int controller = LeadflowStack.freePort();
        run("kafka", List.of("--read-only", "--tmpfs", "/var/lib/kafka:rw,U,size=1g",
                "-e", "KAFKA_NODE_ID=1", "-e", "KAFKA_PROCESS_ROLES=broker,controller",
                "-e", "KAFKA_LISTENERS=PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:" + controller,
                "-e", "KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://127.0.0.1:" + kafkaPort,
                "-e", "KAFKA_CONTROLLER_QUORUM_VOTERS=1@127.0.0.1:" + controller, "-e", "KAFKA_CONTROLLER_LISTENER_NAMES=CONTROLLER",
                "-e", "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "-e", "KAFKA_INTER_BROKER_LISTENER_NAME=PLAINTEXT", "-e", "KAFKA_AUTO_CREATE_TOPICS_ENABLE=false",
                "-e", "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR=1", "-e", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR=1",
                "-e", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR=1", "-e", "KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS=0"),
                "localhost/leadflow/kafka:" + version, List.of());
    }

    /** PostgreSQL with TLS: a CA of this run signs a certificate for 127.0.0.1, and the services trust that CA alone. */
    private void startPostgres() throws IOException, InterruptedException {
        Path tls = work.resolve("tls");
        Files.createDirectories(tls);
        openssl(tls, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=leadflow images test CA",
                "-keyout", "ca.key", "-out", "ca.crt");
        openssl(tls, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key", "-out", "server.csr");
        Files.writeString(tls.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        openssl(tls, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
                "-extfile", "san.ext", "-out", "server.crt");
        // the entrypoint copies the key into the data directory with the mode PostgreSQL wants
        tls.resolve("server.key").toFile().setReadable(true, false);
        run("postgres", List.of("--read-only", "--tmpfs", "/var/lib/postgresql/data:rw,U", "--tmpfs", "/var/run/postgresql:rw,U",
                "-e", "PGDATA=/var/lib/postgresql/data/pgdata", "-e", "POSTGRES_PASSWORD=" + DB_PASSWORD, "-e", "POSTGRES_DB=leadflow",
                "-e", "LEADFLOW_DB_PASSWORD=" + DB_PASSWORD,
                "-e", "POSTGRES_SSL_CERT=/etc/leadflow/tls/server.crt", "-e", "POSTGRES_SSL_KEY=/etc/leadflow/tls/server.key",
                "-v", tls + ":/etc/leadflow/tls:ro",
                "-v", root.resolve("deploy/docker/postgres/init-roles.sh") + ":/docker-entrypoint-initdb.d/init-roles.sh:ro"),
                "localhost/leadflow/postgres:15", List.of("-p", String.valueOf(postgresPort)));
    }

    private void startService(String service) throws IOException {
        int api = LeadflowStack.freePort();
        int management = LeadflowStack.freePort();
        apiPorts.put(service, api);
        managementPorts.put(service, management);
        List<String> options = new ArrayList<>(List.of("--read-only", "--tmpfs", "/tmp:rw,U,size=64m", "--cap-drop", "ALL",
                "--security-opt", "no-new-privileges", "--stop-timeout", "30",
                "-e", "QUARKUS_HTTP_PORT=" + api, "-e", "QUARKUS_MANAGEMENT_PORT=" + management,
                "-e", "QUARKUS_SHUTDOWN_TIMEOUT=20s", "-e", "KAFKA_BOOTSTRAP_SERVERS=" + bootstrap(),
                "-e", "MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:/config/dev-jwt-keys.json", "-e", "MP_JWT_VERIFY_ISSUER=" + DevTokens.ISSUER,
                "-e", "MP_JWT_VERIFY_AUDIENCES=" + DevTokens.AUDIENCE,
                "-v", root.resolve("local-infra/src/main/resources").resolve(DevTokens.VERIFICATION_KEYS_RESOURCE) + ":/config/dev-jwt-keys.json:ro"));
        String schema = switch (service) {
            case "scoring-service" -> "scoring";
            case "handoff-service" -> "handoff";
            case "crm-sync-service" -> "crm_sync";
            default -> null;
        };
        if (schema == null) {
            Path keys = work.resolve("write-keys");
            Files.createDirectories(keys);
            Files.writeString(keys.resolve("images"), "kind=secret\nsha256=" + sha256(LeadflowStack.WRITE_KEY) + "\n");
            keys.resolve("images").toFile().setReadable(true, false);
            options.addAll(List.of("-v", keys + ":/etc/leadflow/write-keys:ro", "-e", "LEADFLOW_CAPTURE_WRITE_KEYS_DIR=/etc/leadflow/write-keys",
                    "-e", "LEADFLOW_CAPTURE_LINK_SIGNING_SECRETS=images-link-" + UUID.randomUUID()));
        } else {
            // as in Kubernetes: the service's own role, verify-full against the database's CA
            String host = "127.0.0.1:" + postgresPort + "/leadflow";
            options.addAll(List.of("-v", work.resolve("tls/ca.crt") + ":/etc/leadflow/db-ca/ca.crt:ro",
                    "-e", "QUARKUS_DATASOURCE_USERNAME=" + schema, "-e", "QUARKUS_DATASOURCE_PASSWORD=" + DB_PASSWORD,
                    "-e", "QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://" + host + "?search_path=" + schema + "&sslmode=verify-full",
                    "-e", "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://" + host + "?currentSchema=" + schema
                            + "&sslmode=verify-full&sslrootcert=/etc/leadflow/db-ca/ca.crt",
                    "-e", "QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE=verify-full",
                    "-e", "QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM=true",
                    "-e", "QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS=/etc/leadflow/db-ca/ca.crt",
                    "-e", "QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM=HTTPS",
                    "-e", "LEADFLOW_ERASURE_KEY_SECRET=" + ERASURE_KEY_SECRET));
        }
        if (service.equals("crm-sync-service")) {
            options.addAll(List.of("-e", "LEADFLOW_CRM_WEBHOOK_URL=" + webhook.baseUrl() + "/crm/leads",
                    "-e", "LEADFLOW_CRM_WEBHOOK_SECRETS=" + LeadflowStack.WEBHOOK_SECRET));
        }
        run(service, options, "leadflow/" + service + ":" + tag, List.of());
    }

    private void run(String name, List<String> options, String image, List<String> arguments) {
        String container = prefix + name;
        Podman.remove(container);
        List<String> command = new ArrayList<>(List.of("run", "--detach", "--name", container, "--network", "host"));
        command.addAll(options);
        command.add(image);
        command.addAll(arguments);
        Podman.run(command, Duration.ofMinutes(2)).orThrow(command);
        containers.add(container);
    }

    void awaitReady(String service, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            if (Podman.inspect(container(service), "{{.State.Running}}").equals("false")) {
                throw new AssertionError(service + " stopped:\n" + logs(service));
            }
            return get(managementUrl(service) + "/q/health/ready").statusCode() == 200;
        });
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String container(String name) {
        return prefix + name;
    }

    String url(String service) {
        return "http://127.0.0.1:" + apiPorts.get(service);
    }

    String managementUrl(String service) {
        return "http://127.0.0.1:" + managementPorts.get(service);
    }

    String bootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** The database as the test reads it: the owner, over TLS verified against this run's CA. */
    Connection database() throws java.sql.SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/leadflow?sslmode=verify-full&sslrootcert="
                + work.resolve("tls/ca.crt"), "postgres", DB_PASSWORD);
    }

    WireMockServer webhook() {
        return webhook;
    }

    String logs(String name) {
        return Podman.run(List.of("logs", "--tail", "80", container(name)), Duration.ofSeconds(30)).output();
    }

    private static void openssl(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (int i = containers.size() - 1; i >= 0; i--) {
            String container = containers.get(i);
            try {
                Files.writeString(work.resolve(container + ".log"), Podman.run(List.of("logs", container), Duration.ofSeconds(30)).output());
            } catch (IOException | RuntimeException e) {
                // the logs are a courtesy
            }
            Podman.remove(container);
        }
        webhook.stop();
    }
}
