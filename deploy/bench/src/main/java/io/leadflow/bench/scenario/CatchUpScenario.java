package io.leadflow.bench.scenario;

import io.leadflow.bench.kafka.BacklogWriter;
import io.leadflow.bench.kafka.KafkaAdmin;
import io.leadflow.bench.mix.EventGenerator;
import io.leadflow.bench.report.Figure;
import io.leadflow.bench.report.Report;
import io.leadflow.bench.resources.CpuWindow;
import io.leadflow.bench.resources.ServiceProcess;
import io.leadflow.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scoring catch-up: a backlog of engagement CloudEvents written straight to
 * {@code leadflow.engagement.v1}, then the rate at which scoring-service's group drains it (committed
 * offsets over time, from the moment the backlog is in place until its lag is back where it was).
 */
public final class CatchUpScenario implements Scenario {

    private static final String GROUP = "scoring-service";

    private final String bootstrapServers;
    private final EventGenerator generator;
    private final int backlog;
    private final List<ServiceProcess> processes;

    public CatchUpScenario(String bootstrapServers, EventGenerator generator, int backlog, List<ServiceProcess> processes) {
        this.bootstrapServers = bootstrapServers;
        this.generator = generator;
        this.backlog = backlog;
        this.processes = processes;
    }

    @Override
    public String name() {
        return "catch-up";
    }

    @Override
    public void run(Report report) throws Exception {
        try (KafkaAdmin admin = new KafkaAdmin(bootstrapServers)) {
            long lagBefore = admin.lag(GROUP, Topics.ENGAGEMENT);
            long fillStart = System.nanoTime();
            new BacklogWriter(bootstrapServers).write(generator, backlog);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

            long committedAtStart = admin.committed(GROUP, Topics.ENGAGEMENT);
            long lagAtStart = admin.lag(GROUP, Topics.ENGAGEMENT);
            CpuWindow cpu = CpuWindow.open(processes);
            long start = System.nanoTime();
            // a generous bound: a tenth of the 5,000 events/s target, plus a minute
            long deadline = start + Duration.ofSeconds(60 + backlog / 500).toNanos();
            long lag = lagAtStart;
            while (lag > lagBefore && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(250);
                lag = admin.lag(GROUP, Topics.ENGAGEMENT);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long drained = admin.committed(GROUP, Topics.ENGAGEMENT) - committedAtStart;

            report.addRate(Figure.of(name(), "drained events/s", drained / seconds, "events/s").withTarget(">= 5000"));
            report.add(Figure.of(name(), "backlog written", backlog, "events"));
            report.add(Figure.of(name(), "backlog write events/s", backlog / fillSeconds, "events/s"));
            report.add(Figure.of(name(), "lag when the drain was timed", lagAtStart, "records"));
            report.add(Figure.of(name(), "drain time", seconds, "s"));
            Map<String, Double> percent = cpu.percentOfOneCore();
            percent.forEach((service, share) -> report.add(Figure.of(name(), "cpu " + service, share, "% of a core")));
            // CPU time per event is the figure the machine's other load distorts least
            CpuWindow.millisPerEvent(percent, GROUP, seconds, drained).ifPresent(millis ->
                    report.add(Figure.of(name(), "scoring cpu per event", millis, "ms").withTarget("<= 0.1")));
            CpuWindow.millisPerEvent(percent, CpuWindow.DATABASE.name(), seconds, drained).ifPresent(millis ->
                    report.add(Figure.of(name(), "postgresql cpu per event", millis, "ms").withTarget("<= 0.1")));
            if (lag > lagBefore) {
                report.note("catch-up: scoring-service had not drained the backlog when the harness gave up (lag " + lag + ")");
            }
        }
    }
}
