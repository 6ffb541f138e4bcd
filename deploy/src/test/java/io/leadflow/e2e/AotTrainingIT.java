package io.leadflow.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.localinfra.DevTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The training run of the services' AOT caches (JEP 514/515): the four packaged services record while they carry
 * what production sends them (tracked events one by one and in 50-event batches, form posts, leads handed to sales,
 * accepted, synced to the CRM, the sales and console reads, health checks and scrapes), and each writes
 * {@code target/quarkus-app/app.aot} when it stops. A cache trained so holds the classes, links and method profiles of
 * that work, not only those of a start (which is all {@code -Paot}'s build-time training sees).
 *
 * <p>On demand: {@code deploy/aot/train} packages the services as aot-jars and runs it with
 * {@code -Dleadflow.aot.record=true}; {@code -Dleadflow.aot.leads} sets how many leads it carries (default 300).
 */
class AotTrainingIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = DevTokens.bearer("aot-training", "admin");
    private static final List<String> SERVICES = List.of("capture-service", "scoring-service", "handoff-service", "crm-sync-service");
    private static final int BATCH_EVENTS = 50;

    @Test
    void theServicesCarryLeadsToTheCrmWhileRecordingAndEachWritesItsCache() throws Exception {
        assumeTrue(ServiceProcess.RECORDING_AOT_CACHES, "a training run is on demand: deploy/aot/train");
        Path root = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();
        int leads = Integer.getInteger("leadflow.aot.leads", 300);
        FileTime before = FileTime.from(Instant.now());
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (LeadflowStack stack = LeadflowStack.start(root, root.resolve("deploy/target/aot-training-logs"))) {
            stack.webhook().stubFor(post(urlEqualTo("/crm/leads")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"id\":\"crm-trained\"}")));
            String capture = stack.url("capture-service");

            // Given the four services recording, when leads arrive as a site and its forms send them: each lead's
            // journey one event a request, and anonymous visitors' page views in batches
            String run = Long.toString(System.currentTimeMillis(), 36);
            List<String> emails = IntStream.range(0, leads).mapToObj(i -> "trainee-" + i + "-" + run + "@example.com").toList();
            all(clients, emails.stream().map(email -> (Callable<Void>) () -> {
                CaptureJourneys.postMqlJourney(capture, email, Map.of("company", "Analytical Engines"));
                postBatch(capture, email);
                return null;
            }).toList());

            // Then every lead is handed to sales; reps accept half of them, and sales and the console read them
            all(clients, emails.stream().map(email -> (Callable<Void>) () -> {
                salesAndConsoleReads(stack, email);
                return null;
            }).toList());

            // And every service answers its probes and scrapes
            for (String service : SERVICES) {
                String management = stack.service(service).managementUrl();
                for (int i = 0; i < 20; i++) {
                    assertThat(status(management + "/q/health/ready")).isEqualTo(200);
                    assertThat(status(management + "/q/metrics")).isEqualTo(200);
                }
            }
        } finally {
            clients.shutdownNow();
        }

        // And each service, stopped, wrote its cache
        for (String service : SERVICES) {
            Path cache = root.resolve(service).resolve("target/quarkus-app/app.aot");
            assertThat(cache).as(service + "'s AOT cache").exists();
            assertThat(Files.getLastModifiedTime(cache)).as(service + "'s AOT cache, written by this run").isGreaterThan(before);
        }
    }

    private static void salesAndConsoleReads(LeadflowStack stack, String email) throws Exception {
        String handoffs = stack.url("handoff-service") + "/v1/handoffs?email=" + encode(email);
        JsonNode handed = await(email + " handed off").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> getJson(handoffs), list -> list.size() == 1);
        String handoffId = handed.get(0).get("id").asText();
        JsonNode lead = getJson(stack.url("scoring-service") + "/v1/leads?email=" + encode(email));
        String leadId = lead.get("id").asText();
        getJson(stack.url("scoring-service") + "/v1/leads/" + leadId + "/score");
        getJson(stack.url("scoring-service") + "/v1/leads/" + leadId + "/lifecycle");
        if (Math.floorMod(email.hashCode(), 2) == 0) {
            HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(stack.url("handoff-service") + "/v1/handoffs/"
                    + handoffId + "/accept")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        }
        await(email + " synced").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> send(HttpRequest.newBuilder(URI.create(stack.url("crm-sync-service") + "/v1/sync/" + leadId)).GET()),
                        response -> response.statusCode() == 200 && response.body().contains("SYNCED"));
        getJson(stack.url("handoff-service") + "/v1/reports/outcomes");
        getJson(stack.url("handoff-service") + "/v1/reports/sla");
        getJson(stack.url("scoring-service") + "/v1/reports/funnel");
        getJson(stack.url("scoring-service") + "/v1/scoring-model");
        assertThat(status(stack.url("handoff-service") + "/console/")).isEqualTo(200);
        assertThat(status(stack.url("handoff-service") + "/console/config.json")).isEqualTo(200);
    }

    /** Fifty page views of anonymous visitors, then one of the lead's, in one request as a site's tracking sends them. */
    private static void postBatch(String capture, String email) throws Exception {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < BATCH_EVENTS - 1; i++) {
            events.add(Map.of("type", "page.viewed", "anonymousId", "visitor-" + i + "-" + email.hashCode(),
                    "properties", Map.of("url", "https://example.com/blog/" + i)));
        }
        events.add(Map.of("type", "page.viewed", "email", email, "properties", Map.of("url", "https://example.com/docs")));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(capture + "/v1/events"))
                .header("Content-Type", "application/json").header("Authorization", LeadflowStack.WRITE_KEY_AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("events", events)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static void all(ExecutorService clients, List<Callable<Void>> tasks) throws Exception {
        for (Future<Void> done : clients.invokeAll(tasks)) {
            done.get();
        }
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        assertThat(response.statusCode()).as(url + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int status(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET()).statusCode();
    }

    /** A request of the admin's (sales and console reads, probes). */
    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", ADMIN).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
