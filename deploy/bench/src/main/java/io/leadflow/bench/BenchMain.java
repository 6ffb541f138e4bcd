package io.leadflow.bench;

import io.leadflow.bench.kafka.KafkaAdmin;
import io.leadflow.bench.kafka.ToolsClasspath;
import io.leadflow.bench.load.CaptureClient;
import io.leadflow.bench.mix.EventGenerator;
import io.leadflow.bench.mix.EventMix;
import io.leadflow.bench.mix.LeadPopulation;
import io.leadflow.bench.report.Machine;
import io.leadflow.bench.report.Report;
import io.leadflow.bench.report.ReportWriter;
import io.leadflow.bench.resources.ServiceProcess;
import io.leadflow.bench.resources.Vacuuming;
import io.leadflow.bench.scenario.CaptureScenario;
import io.leadflow.bench.scenario.CatchUpScenario;
import io.leadflow.bench.scenario.CeilingScenario;
import io.leadflow.bench.scenario.PipelineScenario;
import io.leadflow.bench.scenario.ResourcesScenario;
import io.leadflow.bench.scenario.Scenario;
import io.leadflow.bench.scenario.Settling;
import io.leadflow.bench.whatif.GrowScenario;
import io.leadflow.bench.whatif.WhatIfOptions;
import io.leadflow.bench.whatif.WhatIfScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Runs the benchmark against a running local stack: the scenarios asked for, in order, each adding
 * its figures to one report, which is printed and written under {@code results/<timestamp>/}.
 * A scenario that fails is noted in the report and the run goes on.
 */
public final class BenchMain {

    static final List<String> SERVICES = List.of("capture-service", "scoring-service", "handoff-service", "crm-sync-service");
    /** Scenarios whose figures would include the backlog an earlier scenario left (see Settling). */
    private static final List<String> AFTER_SETTLING = List.of("pipeline", "catch-up");
    private static final Duration SETTLING_AT_MOST = Duration.ofMinutes(15);
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Report report = run(options, WhatIfOptions.parse(args), started);
        System.out.println();
        System.out.print(ReportWriter.table(report));
        Path folder = options.results().resolve(FOLDER.format(started));
        ReportWriter.write(report, folder);
        System.out.println("report: " + folder.resolve("report.md") + " and report.json");
    }

    static Report run(BenchOptions options, Instant started) {
        return run(options, WhatIfOptions.parse(), started);
    }

    static Report run(BenchOptions options, WhatIfOptions whatIf, Instant started) {
        List<ServiceProcess> processes = SERVICES.stream().map(ServiceProcess::find).flatMap(Optional::stream).toList();
        Optional<String> servicesJvm = processes.stream().map(ServiceProcess::jvm).flatMap(Optional::stream).findFirst();
        Report report = new Report(started.toString(), Machine.describe(servicesJvm), options.describe());
        if (options.smoke()) {
            report.note("smoke run: a few seconds a scenario, to prove the harness works; not a baseline");
        }
        EventGenerator generator = new EventGenerator(EventMix.realistic(),
                new LeadPopulation(Long.toString(started.getEpochSecond(), 36), options.leads(), LeadPopulation.DEFAULT_EXPONENT), 42);
        try (CaptureClient client = new CaptureClient(options.captureUrl(), options.writeKey())) {
            for (String name : options.scenarios()) {
                Scenario scenario = scenario(name, options, whatIf, started, client, generator, processes);
                System.out.printf("[bench] %s ...%n", name);
                try {
                    if (AFTER_SETTLING.contains(name)) {
                        try (KafkaAdmin admin = new KafkaAdmin(options.bootstrapServers())) {
                            Settling.before(name, Settling.of(admin), SETTLING_AT_MOST, report);
                        }
                        Vacuuming.beforeMeasuring(name, whatIf.databaseUrl(), whatIf.databaseUser(), report);
                    }
                    scenario.run(report);
                } catch (Exception e) {
                    report.note(name + " failed: " + e);
                }
            }
        }
        return report;
    }

    private static Scenario scenario(String name, BenchOptions options, WhatIfOptions whatIf, Instant started, CaptureClient client,
            EventGenerator generator, List<ServiceProcess> processes) {
        return switch (name) {
            case "resources" -> new ResourcesScenario(SERVICES, processes, options.logs());
            case "ceiling" -> new CeilingScenario(options.bootstrapServers(),
                    options.toolsClasspath().isBlank() ? ToolsClasspath.find() : options.toolsClasspath(), generator,
                    options.smoke() ? 20_000 : 1_000_000);
            case "capture-single", "capture-batch" -> new CaptureScenario(name.equals("capture-batch"), client, generator,
                    options.rates(), options.warmup(), options.duration(), options.concurrency(), processes);
            case "pipeline" -> new PipelineScenario(client, generator, options.bootstrapServers(), options.rates().get(0),
                    options.warmup(), options.duration(), options.concurrency(), processes);
            case "catch-up" -> new CatchUpScenario(options.bootstrapServers(), generator, options.backlog(), processes);
            case "what-if" -> new WhatIfScenario(whatIf, options.leads(), options.backlog(), Long.toString(started.getEpochSecond(), 36));
            case "grow" -> new GrowScenario(whatIf, options.leads(), options.backlog(), Long.toString(started.getEpochSecond(), 36));
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        };
    }
}
