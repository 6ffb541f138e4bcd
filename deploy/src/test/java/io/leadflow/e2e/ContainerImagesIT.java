package io.leadflow.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The images as an ops team runs them: the four service images built by deploy/images/build, with a Kafka image
 * (Maven Central's jars) and a PostgreSQL image (Debian's package), all under podman, hardened as in Kubernetes. It
 * checks what an ops team checks (non-root user, read-only root filesystem, health endpoints on the management port
 * only, image size), runs a lead's journey from capture to the CRM webhook, then stops capture and scoring with
 * SIGTERM while load runs and checks that nothing acknowledged was lost.
 *
 * <p>On demand: {@code deploy/images/test} builds the images and runs it with {@code -Dleadflow.images.test=true}
 * (about 4 minutes; deploy/images/README.md). Skipped otherwise, and where podman or the images are missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerImagesIT {

    private static final String TAG = System.getProperty("leadflow.images.tag", "dev");
    private static final String KAFKA_VERSION = System.getProperty("leadflow.images.kafka-version", "4.2.1");
    /** What one service image may weigh: Debian minbase (~77 MB), the jlink'd Java 25 runtime (~100 MB), the app (~80 MB). */
    private static final long IMAGE_BUDGET_BYTES = 320L * 1024 * 1024;
    private static final Duration PIPELINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ContainerStack stack;

    @BeforeAll
    static void startContainers() throws Exception {
        // on demand only (-Dleadflow.images.test=true, which deploy/images/test passes): a machine that has the images
        // must not start containers in every ./mvnw verify
        assumeTrue(Boolean.getBoolean("leadflow.images.test"), "the image test runs on demand: deploy/images/test");
        List<String> images = ContainerStack.images(TAG, KAFKA_VERSION);
        boolean present = Podman.hasImages(images);
        if (!present) {
            System.err.println("[images] podman or the images " + images + " missing: ContainerImagesIT NOT run (deploy/images/test builds and runs it)");
        }
        assumeTrue(present, "podman and the images of deploy/images/build");
        Path root = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();
        stack = ContainerStack.start(root, root.resolve("deploy/target/images-test"), TAG, KAFKA_VERSION);
        stack.webhook().stubFor(post(urlEqualTo("/crm/leads")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"crm-lead-1\"}")));
    }

    @AfterAll
    static void stopContainers() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceRunsAsANonRootUserOnAReadOnlyRootFilesystemWithinItsSizeBudget() {
        for (String service : ContainerStack.SERVICES) {
            String container = stack.container(service);
            // the image's own user is numeric and not root, and so is the process
            assertThat(Podman.inspect("leadflow/" + service + ":" + TAG, "{{.Config.User}}")).isEqualTo("10001:10001");
            assertThat(Podman.ok("exec", container, "id", "-u")).isEqualTo("10001");
            // on a Java 25 runtime
            assertThat(Podman.ok("exec", container, "java", "-version")).contains("version \"25");
            // the root filesystem refuses writes; /tmp (a tmpfs) takes them
            assertThat(Podman.inspect(container, "{{.HostConfig.ReadonlyRootfs}}")).isEqualTo("true");
            Podman.Result write = Podman.run(List.of("exec", container, "touch", "/deployments/written"), Duration.ofSeconds(30));
            assertThat(write.exitCode()).as(service + " wrote to its root filesystem").isNotZero();
            assertThat(write.output()).contains("Read-only file system");
            assertThat(Podman.run(List.of("exec", container, "touch", "/tmp/written"), Duration.ofSeconds(30)).exitCode()).isZero();
            // and the image stays within its budget
            long size = Long.parseLong(Podman.inspect("leadflow/" + service + ":" + TAG, "{{.Size}}"));
            System.out.printf("[images] leadflow/%s:%s %d MB%n", service, TAG, size / (1024 * 1024));
            assertThat(size).as("%s image size", service).isLessThan(IMAGE_BUDGET_BYTES);
        }
    }

    @Test
    @Order(2)
    void healthIsServedOnTheManagementPortAndNotOnTheApiPort() throws Exception {
        for (String service : ContainerStack.SERVICES) {
            for (String probe : List.of("/q/health/live", "/q/health/ready", "/q/health/started")) {
                assertThat(ContainerStack.get(stack.managementUrl(service) + probe).statusCode()).as("%s %s", service, probe).isEqualTo(200);
            }
            assertThat(ContainerStack.get(stack.url(service) + "/q/health/ready").statusCode()).as("%s API port /q/health", service)
                    .isEqualTo(404);
        }
    }

    @Test
    @Order(3)
    void aLeadsJourneyThroughTheContainersEndsInAHandoffAndACrmCall() throws Exception {
        String email = "grace-" + UUID.randomUUID() + "@example.com";
        try (TopicProbe handoffs = TopicProbe.tail(stack.bootstrap(), Topics.HANDOFFS)) {
            // Given a lead with a good fit who reads the pricing page and starts a trial, when it requests a demo (engagement
            // past the model's MQL threshold of 100)
            for (Map.Entry<String, String> event : List.of(Map.entry("email.opened", "autumn-launch"), Map.entry("page.viewed", "/features"),
                    Map.entry("page.viewed", "/pricing"), Map.entry("trial.started", "trial"), Map.entry("demo.requested", "demo-request"))) {
                postEvent(event.getKey(), email, event.getValue());
            }

            // Then sales gets one handoff, and the CRM webhook the upsert for it
            List<ReceivedEvent> handed = handoffs.awaitEvents(1, handoff -> email.equals(handoff.key()), PIPELINE);
            assertThat(handed.get(0).ceType()).isEqualTo(HandoffCreated.TYPE);
            await().atMost(PIPELINE).untilAsserted(() -> assertThat(stack.webhook().findAll(postRequestedFor(urlEqualTo("/crm/leads")))
                    .stream().filter(call -> call.getBodyAsString().contains(email))).isNotEmpty());
        }
    }

    @Test
    @Order(4)
    void stoppingCaptureAndScoringWithSigtermDuringLoadLosesNothing() throws Exception {
        // Given load on capture from a client that resends whatever was not acknowledged
        List<String> emails = IntStream.range(0, 60).mapToObj(i -> "load-" + i + "-" + UUID.randomUUID() + "@example.com").toList();
        try (AckingLoad load = new AckingLoad(stack.url("capture-service"), emails, 25)) {
            load.start();
            awaitAcknowledged(load, 100);

            // When scoring, then capture, get SIGTERM (podman stop: SIGTERM, SIGKILL only after 30 s) and start again
            for (String service : List.of("scoring-service", "capture-service")) {
                long stopping = System.nanoTime();
                Podman.ok("stop", "--time", "30", stack.container(service));
                Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);
                // it ended by itself, gracefully, well inside the grace period (143: the JVM's exit on SIGTERM; 137 would be a kill)
                assertThat(Podman.inspect(stack.container(service), "{{.State.ExitCode}}")).as(service + " exit code").isIn("0", "143");
                assertThat(stopped).as(service + " stop time").isLessThan(Duration.ofSeconds(25));
                int before = load.acknowledgedIds().size();
                Podman.ok("start", stack.container(service));
                stack.awaitReady(service, Duration.ofMinutes(2));
                awaitAcknowledged(load, before + 50);
            }

            // Then, once every event has been acknowledged, scoring processed each acknowledged one exactly once
            load.stopGenerating();
            assertThat(load.drain(Duration.ofMinutes(2))).as("every event acknowledged in the end").isTrue();
            Set<String> acknowledged = load.acknowledgedIds();
            System.out.printf("[images] %d events acknowledged under SIGTERMs of scoring and capture; answers %s%n", acknowledged.size(), load.answers());
            await().atMost(PIPELINE).untilAsserted(() -> assertThat(processedByScoring(acknowledged)).isEqualTo(acknowledged));
        }
    }

    private static void awaitAcknowledged(AckingLoad load, int count) {
        await().atMost(PIPELINE).until(() -> load.acknowledgedIds().size() >= count);
    }

    private static Set<String> processedByScoring(Set<String> eventIds) throws Exception {
        Set<String> processed = new HashSet<>();
        try (Connection db = stack.database();
                ResultSet rows = db.createStatement().executeQuery("SELECT event_id FROM scoring.processed_event union all SELECT event_id FROM scoring.lead_event")) {
            while (rows.next()) {
                if (eventIds.contains(rows.getString(1))) {
                    processed.add(rows.getString(1));
                }
            }
        }
        return processed;
    }

    private static void postEvent(String type, String email, String detail) throws Exception {
        String body = JSON.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(), "type", type, "email", email,
                "properties", switch (type) {
                    case "page.viewed" -> Map.of("url", "https://example.com" + detail);
                    case "demo.requested" -> Map.of("formId", detail);
                    default -> Map.of("campaign", detail);
                },
                "traits", Map.of("company", "Analytical Engines", "jobTitle", "VP Engineering", "companySize", 250, "industry", "software",
                        "country", "GB")));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("capture-service") + "/v1/events"))
                .header("Content-Type", "application/json").header("Authorization", LeadflowStack.WRITE_KEY_AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }
}
