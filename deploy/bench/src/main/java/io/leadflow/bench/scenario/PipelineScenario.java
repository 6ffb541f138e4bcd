package io.leadflow.bench.scenario;

import io.leadflow.bench.kafka.HandoffWatcher;
import io.leadflow.bench.kafka.KafkaAdmin;
import io.leadflow.bench.load.CaptureClient;
import io.leadflow.bench.load.LoadResult;
import io.leadflow.bench.load.OpenLoopLoad;
import io.leadflow.bench.load.Request;
import io.leadflow.bench.mix.BenchEvent;
import io.leadflow.bench.mix.EventGenerator;
import io.leadflow.bench.mix.EventJson;
import io.leadflow.bench.report.Figure;
import io.leadflow.bench.report.Report;
import io.leadflow.bench.resources.CpuWindow;
import io.leadflow.bench.resources.ServiceProcess;
import io.leadflow.events.EngagementType;
import io.leadflow.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The whole pipeline at a fixed rate, after a warm-up at that rate (not measured; the services then drain what it
 * left): the mix posted in batches of 10, each service group's lag read
 * every second (it must not grow), and, twice a second, a probe lead whose one request (the
 * end-to-end test's journey, ending in a demo request) makes it an MQL: its end-to-end latency runs
 * from the POST until its {@code handoff.created.v1} is readable on {@code leadflow.handoffs.v1}.
 */
public final class PipelineScenario implements Scenario {

    private static final int EVENTS_PER_REQUEST = 10;
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    private final CaptureClient client;
    private final EventGenerator generator;
    private final String bootstrapServers;
    private final double eventsPerSecond;
    private final Duration warmup;
    private final Duration duration;
    private final int concurrency;
    private final List<ServiceProcess> processes;

    public PipelineScenario(CaptureClient client, EventGenerator generator, String bootstrapServers, double eventsPerSecond,
            Duration warmup, Duration duration, int concurrency, List<ServiceProcess> processes) {
        this.client = client;
        this.generator = generator;
        this.bootstrapServers = bootstrapServers;
        this.eventsPerSecond = eventsPerSecond;
        this.warmup = warmup;
        this.duration = duration;
        this.concurrency = concurrency;
        this.processes = processes;
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public void run(Report report) throws Exception {
        if (!warmup.isZero()) {
            warmUp(report);
        }
        List<LagSampler> lags = List.of(new LagSampler("scoring-service", Topics.ENGAGEMENT),
                new LagSampler("handoff-service", Topics.LIFECYCLE), new LagSampler("crm-sync-service", Topics.HANDOFFS));
        Histogram endToEnd = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
        List<Probe> probes = new CopyOnWriteArrayList<>();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        long start = System.nanoTime();
        try (KafkaAdmin admin = new KafkaAdmin(bootstrapServers);
                HandoffWatcher handoffs = new HandoffWatcher(bootstrapServers, Topics.HANDOFFS)) {
            long scoredBefore = admin.committed("scoring-service", Topics.ENGAGEMENT);
            timer.scheduleAtFixedRate(() -> sampleLags(admin, lags, start), 0, 1, TimeUnit.SECONDS);
            timer.scheduleAtFixedRate(() -> probes.add(probe()), 0, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            CpuWindow cpu = CpuWindow.open(processes);
            LoadResult load = new OpenLoopLoad(client,
                    () -> new Request(EventJson.batch(generator.next(EVENTS_PER_REQUEST)), EVENTS_PER_REQUEST), concurrency)
                    .run(eventsPerSecond / EVENTS_PER_REQUEST, duration);
            double seconds = (System.nanoTime() - start) / 1e9;
            long scored = admin.committed("scoring-service", Topics.ENGAGEMENT) - scoredBefore;
            timer.shutdownNow();
            long handed = collect(probes, handoffs, endToEnd);

            report.addRate(Figure.of(name(), "posted events/s", load.eventsPerSecond(), "events/s").withTarget(">= 2500"));
            report.addRate(Figure.of(name(), "scored events/s", scored / seconds, "events/s"));
            report.add(Figure.of(name(), "failed requests", load.failures(), "requests"));
            for (LagSampler lag : lags) {
                report.add(Figure.of(name(), "lag growth " + lag.group(), lag.growthPerSecond(), "records/s"));
                report.add(Figure.of(name(), "max lag " + lag.group(), lag.max(), "records"));
            }
            report.add(Figure.of(name(), "end-to-end p50", millis(endToEnd, 50), "ms").withTarget("<= 15"));
            report.add(Figure.of(name(), "end-to-end p99", millis(endToEnd, 99), "ms").withTarget("<= 100"));
            report.add(Figure.of(name(), "end-to-end probes handed off", handed, "leads"));
            report.add(Figure.of(name(), "end-to-end probes lost", probes.size() - handed, "leads"));
            Map<String, Double> percent = cpu.percentOfOneCore();
            percent.forEach((service, share) -> report.add(Figure.of(name(), "cpu " + service, share, "% of a core")));
            CpuWindow.millisPerEvent(percent, "scoring-service", seconds, scored).ifPresent(millis ->
                    report.add(Figure.of(name(), "scoring cpu per scored event", millis, "ms").withTarget("<= 0.1")));
            // the whole pipeline's statements (scoring's, handoff's, crm-sync's) per event scoring counted
            CpuWindow.millisPerEvent(percent, CpuWindow.DATABASE.name(), seconds, scored).ifPresent(millis ->
                    report.add(Figure.of(name(), "postgresql cpu per scored event", millis, "ms").withTarget("<= 0.1")));
            lags.stream().filter(lag -> lag.growthPerSecond() > eventsPerSecond * 0.05).forEach(lag ->
                    report.note("pipeline: " + lag.group() + "'s lag grew by " + Math.round(lag.growthPerSecond())
                            + " records/s: it does not sustain " + eventsPerSecond + " events/s"));
        } finally {
            timer.shutdownNow();
        }
    }

    // the same load, unmeasured, until the JVMs compiled what it runs; then the services drain what it left
    private void warmUp(Report report) throws Exception {
        System.out.printf("[bench] pipeline: warming up for %d s at %,.0f events/s (not measured)%n", warmup.toSeconds(), eventsPerSecond);
        LoadResult load = new OpenLoopLoad(client,
                () -> new Request(EventJson.batch(generator.next(EVENTS_PER_REQUEST)), EVENTS_PER_REQUEST), concurrency)
                .run(eventsPerSecond / EVENTS_PER_REQUEST, warmup);
        report.add(Figure.of(name(), "warm-up events posted (not measured)", load.eventsPerSecond() * warmup.toSeconds(), "events"));
        try (KafkaAdmin admin = new KafkaAdmin(bootstrapServers)) {
            Settling.Outcome drained = Settling.await(Settling.of(admin), Duration.ofMinutes(10), Duration.ofSeconds(1));
            report.add(Figure.of(name(), "warm-up's lag drained in", drained.seconds(), "s"));
            if (drained.lagAtEnd() > 0) {
                report.note("pipeline: " + drained.lagAtEnd() + " records of the warm-up were still unread when it was measured");
            }
        }
    }

    /** A probe lead: its email, when its qualifying request was posted, and whether capture accepted it. */
    private record Probe(String email, long postedNanos, CompletableFuture<Boolean> accepted) {
    }

    /** Posts one probe lead's qualifying request. */
    private Probe probe() {
        String email = "probe-" + UUID.randomUUID() + "@bench.example.com";
        // the end-to-end test's journey, which the scoring model must make an MQL: an email open, three
        // page views ending on the pricing page, a demo request from the demo-request form, by a VP in GB
        List<BenchEvent> journey = List.of(
                event(EngagementType.EMAIL_OPENED, email, Map.of("campaign", "autumn-launch")),
                event(EngagementType.PAGE_VIEWED, email, Map.of("url", "https://example.com/features")),
                event(EngagementType.PAGE_VIEWED, email, Map.of("url", "https://example.com/customers")),
                event(EngagementType.PAGE_VIEWED, email, Map.of("url", "https://example.com/pricing")),
                event(EngagementType.DEMO_REQUESTED, email, Map.of("formId", "demo-request", "url", "https://example.com/demo")));
        long posted = System.nanoTime();
        return new Probe(email, posted, client.send(new Request(EventJson.batch(journey), journey.size())));
    }

    /** Waits (30 s at most in all) for each accepted probe's handoff; records each latency; returns how many came. */
    private static long collect(List<Probe> probes, HandoffWatcher handoffs, Histogram endToEnd) throws InterruptedException {
        long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
        long handed = 0;
        for (Probe probe : probes) {
            if (!probe.accepted().join()) {
                continue;
            }
            Long seen = handoffs.await(probe.email(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (seen != null) {
                endToEnd.recordValue((seen - probe.postedNanos()) / 1000);
                handed++;
            }
        }
        return handed;
    }

    private static BenchEvent event(EngagementType type, String email, Map<String, Object> properties) {
        return new BenchEvent(UUID.randomUUID().toString(), type, email, properties,
                Map.of("firstName", "Ada", "company", "Analytical Engines", "jobTitle", "VP Engineering", "country", "GB"));
    }

    private static void sampleLags(KafkaAdmin admin, List<LagSampler> lags, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        for (LagSampler lag : lags) {
            try {
                lag.sample(admin, seconds);
            } catch (Exception groupNotThereYet) {
                // a group that has not committed yet has no lag to show
            }
        }
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
