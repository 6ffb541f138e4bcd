package io.leadflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.leadflow.bench.kafka.BacklogWriter;
import io.leadflow.bench.kafka.KafkaAdmin;
import io.leadflow.bench.mix.EventGenerator;
import io.leadflow.bench.mix.EventJson;
import io.leadflow.bench.mix.EventMix;
import io.leadflow.bench.mix.LeadPopulation;
import io.leadflow.bench.report.Figure;
import io.leadflow.bench.report.Report;
import io.leadflow.bench.report.ReportWriter;
import io.leadflow.bench.scenario.CaptureScenario;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.SharedKafka;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness's smoke mode, so that it cannot rot: the real load generator and report, a few seconds
 * a scenario, against targets this test starts itself: the test broker for Kafka's ProducerPerformance
 * and the backlog writer, and a tiny JDK HTTP server standing in for capture-service.
 */
class BenchSmokeIT {

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"");
    private static final AtomicLong EVENTS_RECEIVED = new AtomicLong();
    private static HttpServer capture;
    private static ExecutorService captureThreads;

    @BeforeAll
    static void startCaptureStandIn() throws IOException {
        captureThreads = Executors.newFixedThreadPool(4);
        capture = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        capture.setExecutor(captureThreads);
        capture.createContext("/v1/events", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                Matcher ids = EVENT_ID.matcher(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                EVENTS_RECEIVED.addAndGet(ids.results().count());
            }
            byte[] answer = "{\"eventIds\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        capture.start();
    }

    @AfterAll
    static void stopCaptureStandIn() {
        capture.stop(0);
        captureThreads.shutdownNow();
    }

    @Test
    void smokeRunReportsSaneFiguresForTheCeilingAndCapture() throws Exception {
        // Given a broker and a capture stand-in
        String captureUrl = "http://127.0.0.1:" + capture.getAddress().getPort();
        BenchOptions options = BenchOptions.parse("--smoke", "--duration", "2", "--scenario", "ceiling,capture-single,capture-batch",
                "--capture-url", captureUrl, "--bootstrap-servers", SharedKafka.bootstrapServers(), "--concurrency", "16", "--rate", "100");

        // When the harness runs the ceiling and both capture scenarios
        Report report = BenchMain.run(options, Instant.now());
        System.out.print(ReportWriter.table(report));

        // Then no scenario failed, and the ceiling was measured with ProducerPerformance
        assertThat(report.notes()).noneMatch(note -> note.contains("failed"));
        assertThat(report.ceilingRecordsPerSecond()).hasValueSatisfying(ceiling -> assertThat(ceiling).isPositive());
        assertThat(figure(report, Report.CEILING, "record size")).isBetween(100.0, 2000.0);
        // And capture's figures are non-zero, with percentiles in order and ratios to the ceiling
        for (String scenario : new String[] {"capture-single", "capture-batch"}) {
            for (String phase : new String[] {CaptureScenario.fixedRate(100), "saturation"}) {
                assertThat(figure(report, scenario, phase + " requests/s")).as(scenario + " " + phase).isPositive();
                assertThat(figure(report, scenario, phase + " failed requests")).isZero();
                assertThat(figure(report, scenario, phase + " p50")).isPositive()
                        .isLessThanOrEqualTo(figure(report, scenario, phase + " p99"));
                assertThat(report.find(scenario, phase + " events/s").map(Figure::ceilingRatio)).hasValueSatisfying(
                        ratio -> assertThat(ratio).isPositive());
            }
        }
        // And a batch carries 50 events a request
        assertThat(figure(report, "capture-batch", "saturation events/s"))
                .isCloseTo(50 * figure(report, "capture-batch", "saturation requests/s"), org.assertj.core.data.Percentage.withPercentage(1));
        // And the stand-in saw at least the events the report counts
        assertThat(EVENTS_RECEIVED.get()).isGreaterThanOrEqualTo((long) (figure(report, "capture-single", CaptureScenario.fixedRate(100) + " events/s")));

        // And the report is written as JSON and Markdown
        Path folder = Path.of("target", "bench-smoke");
        ReportWriter.write(report, folder);
        JsonNode json = EventJson.MAPPER.readTree(folder.resolve("report.json").toFile());
        assertThat(json.get("machine").get("cores").asInt()).isPositive();
        assertThat(json.get("figures")).hasSizeGreaterThan(10);
        assertThat(Files.readString(folder.resolve("report.md"))).contains("| ceiling | records/s |");
    }

    @Test
    void theBacklogIsWrittenWhereAGroupSeesItAsLag() throws Exception {
        // Given a consumer group that never read the engagement topic
        String bootstrap = SharedKafka.bootstrapServers();
        EventGenerator generator = new EventGenerator(EventMix.realistic(), new LeadPopulation("it", 50, 1), 9);
        try (KafkaAdmin admin = new KafkaAdmin(bootstrap)) {
            admin.ensureTopic(Topics.ENGAGEMENT, 3);
            long before = admin.lag("bench-smoke-reader", Topics.ENGAGEMENT);

            // When the backlog writer writes 500 engagement CloudEvents
            new BacklogWriter(bootstrap).write(generator, 500);

            // Then the group's lag grew by exactly those 500
            assertThat(admin.lag("bench-smoke-reader", Topics.ENGAGEMENT)).isEqualTo(before + 500);
        }
    }

    private static double figure(Report report, String scenario, String name) {
        return report.find(scenario, name).map(Figure::value)
                .orElseThrow(() -> new AssertionError("no figure " + scenario + " / " + name + " in " + report.figures()));
    }
}
