package io.leadflow.bench.scenario;

import io.leadflow.bench.report.Figure;
import io.leadflow.bench.report.Report;
import io.leadflow.bench.resources.ServiceProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Each service's resident memory (idle when this runs first) and the start-up time Quarkus logged. */
public final class ResourcesScenario implements Scenario {

    private final List<String> services;
    private final List<ServiceProcess> processes;
    private final Optional<Path> logs;

    public ResourcesScenario(List<String> services, List<ServiceProcess> processes, Optional<Path> logs) {
        this.services = services;
        this.processes = processes;
        this.logs = logs;
    }

    @Override
    public String name() {
        return "resources";
    }

    @Override
    public void run(Report report) throws Exception {
        for (String service : services) {
            Optional<ServiceProcess> process = processes.stream().filter(p -> p.service().equals(service)).findFirst();
            if (process.isEmpty()) {
                report.note("resources: no running java process with " + service + "/target/quarkus-app/quarkus-run.jar");
                continue;
            }
            report.add(Figure.of(name(), "rss " + service, process.get().rssMegabytes(), "MB").withTarget("<= 250 (idle)"));
            process.get().startupSeconds(logs).ifPresentOrElse(
                    seconds -> report.add(Figure.of(name(), "start-up " + service, seconds, "s").withTarget("<= 3")),
                    () -> report.note("resources: no 'started in' line in " + service + "'s log"));
        }
    }
}
