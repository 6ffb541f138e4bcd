package io.leadflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The command line of {@code deploy/bench/run}.
 *
 * @param scenarios which scenarios to run, in order
 * @param duration how long each load phase runs
 * @param warmup how long the pipeline runs at its rate (capture: at its lowest rate) before it is measured, so that
 *     the figures are those of warm JVMs (a cold start compiles while it counts, at a fraction of the rate)
 * @param rates the fixed rates capture runs at, in events a second (single POSTs: requests; batches:
 *     rate / 50 requests); the pipeline runs at the first
 * @param leads how many distinct leads the events are about
 * @param backlog how many events catch-up pre-fills
 * @param concurrency requests in flight at saturation (and at most, at a fixed rate)
 * @param smoke a few seconds per scenario: proves the harness works, measures nothing worth keeping
 * @param captureUrl capture-service's base URL
 * @param writeKey the secret write key sent as HTTP Basic user
 * @param bootstrapServers the broker
 * @param toolsClasspath the classpath of local-infra, holding kafka-tools; empty: found from this harness's classpath
 * @param logs where the services' logs are (for start-up times); empty: beside their jars
 * @param results where the run's report folder is made
 */
public record BenchOptions(List<String> scenarios, Duration duration, Duration warmup, List<Double> rates, int leads, int backlog, int concurrency,
        boolean smoke, String captureUrl, String writeKey, String bootstrapServers, String toolsClasspath,
        Optional<Path> logs, Path results) {

    public static final List<String> ALL = List.of("resources", "ceiling", "capture-single", "capture-batch", "pipeline", "catch-up");
    /** Scenarios run only when named: what-if and grow add rows to the database that stay. */
    public static final List<String> ON_REQUEST = List.of("what-if", "grow");

    public static BenchOptions parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + name);
            }
            if (name.equals("--smoke")) {
                given.put("smoke", "true");
            } else if (i + 1 < args.length) {
                given.put(name.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        boolean smoke = given.containsKey("smoke");
        String scenario = given.getOrDefault("scenario", "all");
        List<String> scenarios = scenario.equals("all") ? ALL : List.of(scenario.split(","));
        scenarios.stream().filter(name -> !ALL.contains(name) && !ON_REQUEST.contains(name)).findFirst().ifPresent(unknown -> {
            throw new IllegalArgumentException("unknown scenario " + unknown + "; one of " + ALL + " or all");
        });
        return new BenchOptions(scenarios,
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("duration", smoke ? "3" : "60"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup", smoke ? "0" : "60"))),
                Stream.of(given.getOrDefault("rate", smoke ? "200" : "1250").split(",")).map(Double::parseDouble).toList(),
                Integer.parseInt(given.getOrDefault("leads", smoke ? "1000" : "100000")),
                Integer.parseInt(given.getOrDefault("backlog", smoke ? "2000" : "1000000")),
                Integer.parseInt(given.getOrDefault("concurrency", "64")),
                smoke,
                given.getOrDefault("capture-url", "http://127.0.0.1:8081"),
                given.getOrDefault("write-key", "lf_dev_secret"),
                given.getOrDefault("bootstrap-servers", "127.0.0.1:9092"),
                given.getOrDefault("tools-classpath", ""),
                Optional.ofNullable(given.get("logs")).map(Path::of),
                Path.of(given.getOrDefault("results", "results")));
    }

    /** The options as the report shows them. */
    public Map<String, Object> describe() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("scenarios", scenarios);
        shown.put("smoke", smoke);
        shown.put("durationSeconds", duration.toSeconds());
        shown.put("warmupSeconds", warmup.toSeconds());
        shown.put("ratesEventsPerSecond", rates);
        shown.put("leads", leads);
        shown.put("backlog", backlog);
        shown.put("concurrency", concurrency);
        shown.put("captureUrl", captureUrl);
        shown.put("bootstrapServers", bootstrapServers);
        return shown;
    }
}
