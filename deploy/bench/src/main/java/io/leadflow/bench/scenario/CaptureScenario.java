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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Capture alone: single-event POSTs ({@code capture-single}) or 50-event batches
 * ({@code capture-batch}), first open-loop at each fixed rate, then at saturation.
 */
public final class CaptureScenario implements Scenario {

    public static final int BATCH_SIZE = 50;

    private final String name;
    private final int eventsPerRequest;
    private final CaptureClient client;
    private final EventGenerator generator;
    private final List<Double> eventsPerSecond;
    private final Duration duration;
    private final int concurrency;
    private final List<ServiceProcess> processes;

    public CaptureScenario(boolean batch, CaptureClient client, EventGenerator generator, List<Double> eventsPerSecond,
            Duration duration, int concurrency, List<ServiceProcess> processes) {
        this.name = batch ? "capture-batch" : "capture-single";
        this.eventsPerRequest = batch ? BATCH_SIZE : 1;
        this.client = client;
        this.generator = generator;
        this.eventsPerSecond = eventsPerSecond;
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
        // a short warm-up: the JIT and the connection pool, not the service, would otherwise be measured
        load.run(0, Duration.ofSeconds(Math.max(1, duration.toSeconds() / 5)));

        for (double rate : eventsPerSecond) {
            add(report, fixedRate(rate), load.run(rate / eventsPerRequest, duration));
        }

        CpuWindow cpu = CpuWindow.open(processes);
        LoadResult saturated = load.run(0, duration);
        add(report, "saturation", saturated);
        cpu.percentOfOneCore().forEach((service, percent) ->
                report.add(Figure.of(name, "saturation cpu " + service, percent, "% of a core")));
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
