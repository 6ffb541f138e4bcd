package io.leadflow.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Keycloak's server distribution (unpacked from {@code org.keycloak:keycloak-quarkus-dist}) in development
 * mode on 127.0.0.1 with Leadflow's realm imported at start ({@code deploy/keycloak/leadflow-realm.json}): the
 * identity provider of the local stack and of the sign-in tests. Keycloak needs Java 21 or newer: the runtime is
 * {@link JavaRuntimes#atLeast found} among the usual places.
 *
 * <p>Usage: {@code LocalKeycloak <keycloakHome> <port> <realm.json>}: starts it, says when the realm's discovery
 * document answers, and stops it when this process is stopped. The admin console's user is {@code admin}, password
 * {@code KC_BOOTSTRAP_ADMIN_PASSWORD} (default {@code admin}: a development server only).
 */
public final class LocalKeycloak implements AutoCloseable {

    /** The realm {@code leadflow-realm.json} holds. */
    public static final String REALM = "leadflow";
    /** Keycloak 26 runs on Java 21 or newer. */
    static final int JAVA_NEEDED = 21;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final Process process;

    private LocalKeycloak(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /**
     * Starts Keycloak from {@code home} on 127.0.0.1:{@code port}, importing {@code realmFile} unless the realm exists
     * in its database already (with {@code freshData} the database is deleted first, so it always does). {@code env}
     * reaches the realm file's placeholders ({@code ${LEADFLOW_CONSOLE_URL:...}}) and Keycloak's own settings. Does not
     * wait: {@link #awaitReady}.
     */
    public static LocalKeycloak start(Path home, int port, Path realmFile, Map<String, String> env, boolean freshData, Path log) {
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("no Keycloak distribution at " + home
                    + ": unpack org.keycloak:keycloak-quarkus-dist there (./mvnw -pl deploy dependency:unpack@keycloak)");
        }
        try {
            if (freshData) {
                deleteTree(home.resolve("data/h2"));
            }
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(log.toAbsolutePath().getParent());
            List<String> command = new ArrayList<>(List.of(script.toString(), "start-dev", "--import-realm",
                    "--http-host", "127.0.0.1", "--http-port", String.valueOf(port),
                    // one issuer whatever name a request used: the services check the tokens' iss against it
                    "--hostname", "http://127.0.0.1:" + port));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> environment = builder.environment();
            environment.put("JAVA_HOME", JavaRuntimes.atLeast(JAVA_NEEDED).toString());
            environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            environment.putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            environment.putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            environment.putAll(env);
            return new LocalKeycloak(port, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak from " + home, e);
        }
    }

    /** The realm's issuer: what its tokens carry as {@code iss}, and where its discovery document is. */
    public String issuer() {
        return issuer(port);
    }

    /** The issuer of the realm a Keycloak on 127.0.0.1:{@code port} serves. */
    public static String issuer(int port) {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** The realm's signing keys (JWKS), which the services verify tokens with. */
    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the realm's discovery document answers; throws when Keycloak exits or {@code timeout} passes. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " before it answered");
            }
            try {
                if (HTTP.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            pause();
        }
        throw new IllegalStateException("Keycloak's realm " + REALM + " did not answer within " + timeout);
    }

    /** Stops Keycloak (SIGTERM, then SIGKILL after 20 s), with whatever it started. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: LocalKeycloak <keycloakHome> <port> <realm.json>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Path log = home.resolve("data/log/keycloak.log");
        LocalKeycloak keycloak = start(home, port, Path.of(args[2]).toAbsolutePath(), new HashMap<>(), false, log);
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close));
        System.out.println("Keycloak starting on " + keycloak.baseUrl() + ", its log in " + log);
        keycloak.awaitReady(Duration.ofMinutes(4));
        System.out.println("Keycloak is up: realm " + REALM + " at " + keycloak.issuer());
        try {
            System.exit(keycloak.process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
