package io.leadflow.bench.resources;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The CPU each service used while a scenario ran, as a share of one core (100% = one core busy). */
public final class CpuWindow {

    private final List<ServiceProcess> processes;
    private final Map<String, Double> cpuAtStart = new LinkedHashMap<>();
    private final long startNanos;

    private CpuWindow(List<ServiceProcess> processes) {
        this.processes = processes;
        for (ServiceProcess process : processes) {
            read(process).ifPresent(cpu -> cpuAtStart.put(process.service(), cpu));
        }
        this.startNanos = System.nanoTime();
    }

    public static CpuWindow open(List<ServiceProcess> processes) {
        return new CpuWindow(processes);
    }

    /** Percent of one core used by each service since the window opened. */
    public Map<String, Double> percentOfOneCore() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> percent = new LinkedHashMap<>();
        for (ServiceProcess process : processes) {
            Double before = cpuAtStart.get(process.service());
            read(process).filter(after -> before != null)
                    .ifPresent(after -> percent.put(process.service(), 100 * (after - before) / seconds));
        }
        return percent;
    }

    private static Optional<Double> read(ServiceProcess process) {
        try {
            return Optional.of(process.cpuSeconds());
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }
}
