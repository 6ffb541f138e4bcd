package io.leadflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.localinfra.LocalKeycloak;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Keycloak with the repository's realm (deploy/keycloak/leadflow-realm.json), for the tests that sign in through a
 * real OIDC provider: started once per test JVM, at first use, and stopped when the JVM exits. Access tokens live
 * {@link #ACCESS_TOKEN_LIFESPAN} here, so a test sees one expire and the console renew it. Each stack's console is
 * let in as it starts ({@link #allowConsole}): its port is known only then.
 */
final class TestKeycloak {

    static final String CLIENT_ID = "leadflow-console";
    /** The demo users' password in the realm file (its default: the realm is for development and tests only). */
    static final String PASSWORD = "lf-dev-password";
    static final Duration ACCESS_TOKEN_LIFESPAN = Duration.ofSeconds(15);
    /** A first start unpacks nothing but builds Keycloak's Quarkus application (~40-70 s on two busy cores). */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final String ADMIN_PASSWORD = "e2e-admin-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalKeycloak keycloak;

    private TestKeycloak() {
    }

    /** Keycloak, starting (or started): the first call launches it and returns at once; {@link #awaitReady} waits. */
    static synchronized LocalKeycloak starting(Path root) {
        if (keycloak == null) {
            String home = System.getProperty("leadflow.keycloak.home");
            if (home == null) {
                throw new IllegalStateException("-Dleadflow.keycloak.home is not set: run the test through Maven (deploy's pom unpacks Keycloak)");
            }
            keycloak = LocalKeycloak.start(Path.of(home), LeadflowStack.freePort(), root.resolve("deploy/keycloak/leadflow-realm.json"),
                    Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                            "LEADFLOW_KEYCLOAK_ACCESS_TOKEN_LIFESPAN", String.valueOf(ACCESS_TOKEN_LIFESPAN.toSeconds())),
                    true, root.resolve("deploy/target/e2e-logs/keycloak.log"));
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close));
        }
        return keycloak;
    }

    static String baseUrl() {
        return keycloak.baseUrl();
    }

    static void awaitReady() {
        keycloak.awaitReady(START_TIMEOUT);
    }

    /** What the services need to take this Keycloak's tokens, and handoff to offer its sign-in in the console. */
    static Map<String, String> signIn(LocalKeycloak keycloak) {
        return Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keycloak.jwksUrl(),
                "MP_JWT_VERIFY_ISSUER", keycloak.issuer(),
                "MP_JWT_VERIFY_AUDIENCES", "leadflow",
                "LEADFLOW_CONSOLE_OIDC_CLIENT_ID", CLIENT_ID);
    }

    /**
     * Lets the console at {@code origin} sign in: its /console/ as a redirect URI (after login and after sign-out)
     * and its origin as a web origin (CORS for the token endpoint), through Keycloak's admin API.
     */
    static void allowConsole(String origin) throws IOException, InterruptedException {
        String admin = adminToken();
        String clients = keycloak.baseUrl() + "/admin/realms/" + LocalKeycloak.REALM + "/clients";
        JsonNode found = JSON.readTree(send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + CLIENT_ID)), admin));
        ObjectNode client = (ObjectNode) found.get(0);
        ((ArrayNode) client.get("redirectUris")).add(origin + "/console/*");
        ((ArrayNode) client.get("webOrigins")).add(origin);
        send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText())).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))), admin);
    }

    private static String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("Keycloak's admin token: HTTP " + token.statusCode() + " " + token.body());
        }
        return JSON.readTree(token.body()).get("access_token").asText();
    }

    private static String send(HttpRequest.Builder request, String adminToken) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.build().method() + " " + request.build().uri() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
