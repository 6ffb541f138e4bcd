package io.leadflow.bench.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.bench.report.Figure;
import io.leadflow.bench.report.Report;
import io.leadflow.bench.resources.ServiceProcess;
import io.leadflow.bench.scenario.Scenario;
import io.leadflow.localinfra.DevTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The what-if preview and the model replay over a large database: the history is filled directly (see
 * {@link HistoryFill}) to {@code --leads} more leads and {@code --backlog} more events, then a preview of the active
 * model with one rule's points changed runs as a job ({@code POST /v1/scoring-model/previews}, followed to its end),
 * then a replay of the active version. Each is timed while {@link ScoringSampler} watches scoring-service's memory and
 * readiness. Not part of {@code all}: it grows the database by a million rows a run.
 */
public final class WhatIfScenario implements Scenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WhatIfOptions options;
    private final int leads;
    private final int events;
    private final String run;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token = DevTokens.bearer("bench", "marketing-ops");

    /** @param run this run's tag, in the filled leads' keys */
    public WhatIfScenario(WhatIfOptions options, int leads, int events, String run) {
        this.options = options;
        this.leads = leads;
        this.events = events;
        this.run = run;
    }

    @Override
    public String name() {
        return "what-if";
    }

    @Override
    public void run(Report report) throws Exception {
        Optional<ServiceProcess> scoring = options.scoringPid().map(pid -> new ServiceProcess("scoring-service", pid, null))
                .or(() -> ServiceProcess.find("scoring-service"));
        if (scoring.isEmpty()) {
            report.note("what-if: no scoring-service process found: no RSS figures");
        }
        long[] sizes;
        try (Connection database = DriverManager.getConnection(options.databaseUrl(), options.databaseUser(), "")) {
            long start = System.nanoTime();
            HistoryFill.fill(database, run, leads, events);
            report.add(Figure.of(name(), "fill (set-based SQL) time", (System.nanoTime() - start) / 1e9, "s"));
            sizes = HistoryFill.sizes(database);
        }
        report.add(Figure.of(name(), "leads in the database", sizes[0], "leads").withTarget(">= 100000"));
        report.add(Figure.of(name(), "history events in the database", sizes[1], "events").withTarget(">= 1000000"));

        JsonNode active = json(send(request("/v1/scoring-model").GET(), 200));
        ObjectNode candidate = active.get("model").deepCopy();
        ObjectNode rule = (ObjectNode) candidate.withArray("engagementRules").get(0);
        rule.put("points", rule.get("points").asInt() + 1);

        HttpResponse<String> preview = send(request("/v1/scoring-model/previews?top=10")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(candidate))), 202);
        Followed previewed = follow(preview.headers().firstValue("Location").orElseThrow(), scoring);
        report(report, "preview", previewed);
        if (previewed.job().path("result").isObject()) {
            report.add(Figure.of(name(), "preview leads that would change score", previewed.job().path("result").path("scoreChanges").asLong(), "leads"));
        }

        HttpResponse<String> replay = send(request("/v1/scoring-model/versions/" + active.get("version").asInt() + "/replay")
                .POST(HttpRequest.BodyPublishers.noBody()), 202);
        Followed replayed = follow(replay.headers().firstValue("Location").orElseThrow(), scoring);
        report(report, "replay", replayed);
        report.add(Figure.of(name(), "replay leads changed", replayed.job().path("changed").asLong(), "leads"));
    }

    private void report(Report report, String what, Followed followed) {
        JsonNode job = followed.job();
        long done = job.path("done").asLong();
        report.add(Figure.of(name(), what + " time", followed.seconds(), "s"));
        report.add(Figure.of(name(), what + " leads done", done, "leads"));
        report.add(Figure.of(name(), what + " leads/s", done / followed.seconds(), "leads/s"));
        report.add(Figure.of(name(), what + " scoring peak rss", followed.sampler().peakRssMegabytes(), "MB"));
        report.add(Figure.of(name(), what + " scoring peak heap used", followed.sampler().peakHeapMegabytes(), "MB"));
        report.add(Figure.of(name(), what + " scoring heap max", followed.sampler().heapMaxMegabytes(), "MB"));
        report.add(Figure.of(name(), what + " scoring not ready", followed.sampler().notReady(), "of " + followed.sampler().samples() + " samples")
                .withTarget("0"));
        if (!"DONE".equals(job.path("status").asText())) {
            report.note("what-if: the " + what + " was " + job.path("status").asText() + " when the harness stopped following it ("
                    + done + " of " + job.path("total").asLong() + " leads" + (job.hasNonNull("error") ? ": " + job.get("error").asText() : "")
                    + "); its figures are those of that part");
        }
    }

    private record Followed(JsonNode job, double seconds, ScoringSampler sampler) {
    }

    // polls the job at its Location until it is no longer RUNNING (or --follow-minutes passed), watching scoring meanwhile
    private Followed follow(String location, Optional<ServiceProcess> scoring) throws Exception {
        long start = System.nanoTime();
        long deadline = start + options.followAtMost().toNanos();
        try (ScoringSampler sampler = new ScoringSampler(scoring, options.healthUrl()).start()) {
            JsonNode job;
            do {
                TimeUnit.MILLISECONDS.sleep(500);
                job = json(send(request(location.startsWith("http") ? URI.create(location).getPath() : location).GET(), 200));
                System.out.printf("[bench] what-if: %s %d of %d leads%n", job.path("status").asText(), job.path("done").asLong(), job.path("total").asLong());
            } while ("RUNNING".equals(job.path("status").asText()) && System.nanoTime() < deadline);
            return new Followed(job, (System.nanoTime() - start) / 1e9, sampler);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(options.scoringUrl() + path)).timeout(Duration.ofSeconds(60)).header("Authorization", token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(response.request().method() + " " + response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
