package io.leadflow.bench.scenario;

import io.leadflow.bench.load.CaptureClient;
import io.leadflow.bench.load.LoadResult;
import io.leadflow.bench.load.OpenLoopLoad;
import io.leadflow.bench.load.Request;
import io.leadflow.bench.mix.EventGenerator;
import io.leadflow.bench.mix.EventJson;
import io.leadflow.bench.report.Figure;
import io.leadflow.bench.report.Report;
import io.leadflow.bench.resources.CpuWindow;
import io.leadflow.bench.resources.ServiceProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Capture alone: single-event POSTs ({@code capture-single}) or 50-event batches
 * ({@code capture-batch}), first open-loop at each fixed rate, then at saturation. On a machine the whole stack
 * shares, the services downstream would spend the cores reading what capture writes while it is measured (scoring
 * and PostgreSQL most of all): they are paused for the scenario and read it all afterwards.
 */
public final class CaptureScenario implements Scenario {

    public static final int BATCH_SIZE = 50;
    private static final String CAPTURE = "capture-service";

    private final String name;
    private final int eventsPerRequest;
    private final CaptureClient client;
    private final EventGenerator generator;
    private final List<Double> eventsPerSecond;
    private final Duration warmup;
    private final Duration duration;
    private final int concurrency;
    private final List<ServiceProcess> processes;

    public CaptureScenario(boolean batch, CaptureClient client, EventGenerator generator, List<Double> eventsPerSecond,
            Duration warmup, Duration duration, int concurrency, List<ServiceProcess> processes) {
        this.name = batch ? "capture-batch" : "capture-single";
        this.eventsPerRequest = batch ? BATCH_SIZE : 1;
        this.client = client;
        this.generator = generator;
        this.eventsPerSecond = eventsPerSecond;
        this.warmup = warmup;
        this.duration = duration;
        this.concurrency = concurrency;
        this.processes = processes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(Report report) throws Exception {
        Supplier<Request> requests = eventsPerRequest == 1
                ? () -> new Request(EventJson.single(generator.next()), 1)
                : () -> new Request(EventJson.batch(generator.next(eventsPerRequest)), eventsPerRequest);
        OpenLoopLoad load = new OpenLoopLoad(client, requests, concurrency);
        List<ServiceProcess> downstream = processes.stream().filter(process -> !process.service().equals(CAPTURE)).toList();
        // a bench stopped with ^C must not leave the stack paused
        Thread resumeOnExit = new Thread(() -> resume(downstream));
        Runtime.getRuntime().addShutdownHook(resumeOnExit);
        for (ServiceProcess service : downstream) {
            service.pause();
        }
        try {
            if (!downstream.isEmpty()) {
                report.note(name + ": " + downstream.stream().map(ServiceProcess::service).toList()
                        + " paused while capture was measured; they read what it wrote afterwards");
            }
            warmUp(load, report);
            for (double rate : eventsPerSecond) {
                add(report, fixedRate(rate), load.run(rate / eventsPerRequest, duration));
            }
            CpuWindow cpu = CpuWindow.open(processes);
            LoadResult saturated = load.run(0, duration);
            add(report, "saturation", saturated);
            cpu.percentOfOneCore().forEach((service, percent) ->
                    report.add(Figure.of(name, "saturation cpu " + service, percent, "% of a core")));
        } finally {
            resume(downstream);
            Runtime.getRuntime().removeShutdownHook(resumeOnExit);
        }
    }

    private static void resume(List<ServiceProcess> paused) {
        for (ServiceProcess service : paused) {
            try {
                service.resume();
            } catch (IOException | InterruptedException e) {
                System.err.println("[bench] could not resume " + service.service() + " (kill -CONT " + service.pid() + "): " + e);
            }
        }
    }

    // unmeasured, at the lowest fixed rate: long enough for the JIT to compile capture's path (a cold JVM answers at
    // a fraction of its rate), slow enough to leave the services downstream little to read afterwards
    private void warmUp(OpenLoopLoad load, Report report) throws Exception {
        double rate = eventsPerSecond.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        Duration time = warmup.isZero() ? Duration.ofSeconds(1) : warmup;
        System.out.printf("[bench] %s: warming up for %d s at %,.0f events/s (not measured)%n", name, time.toSeconds(), rate);
        LoadResult warm = load.run(rate / eventsPerRequest, time);
        report.add(Figure.of(name, "warm-up events posted (not measured)", warm.eventsPerSecond() * time.toSeconds(), "events"));
    }

    /** The phase name of a fixed-rate run: {@code fixed 200 ev/s}. */
    public static String fixedRate(double eventsPerSecond) {
        return String.format(Locale.ROOT, "fixed %.0f ev/s", eventsPerSecond);
    }

    private void add(Report report, String phase, LoadResult result) {
        boolean single = eventsPerRequest == 1;
        boolean saturation = phase.equals("saturation");
        report.addRate(Figure.of(name, phase + " requests/s", result.requestsPerSecond(), "requests/s")
                .withTarget(single && saturation ? ">= 6000" : null));
        report.addRate(Figure.of(name, phase + " events/s", result.eventsPerSecond(), "events/s")
                .withTarget(!single && saturation ? ">= 40000" : null));
        report.add(Figure.of(name, phase + " p50", result.percentileMillis(50), "ms"));
        report.add(Figure.of(name, phase + " p99", result.percentileMillis(99), "ms").withTarget(single ? "<= 20" : null));
        report.add(Figure.of(name, phase + " p99.9", result.percentileMillis(99.9), "ms"));
        report.add(Figure.of(name, phase + " failed requests", result.failures(), "requests"));
    }
}
