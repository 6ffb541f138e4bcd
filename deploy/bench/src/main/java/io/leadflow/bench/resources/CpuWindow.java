package io.leadflow.bench.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CPU each service used while a scenario ran, as a share of one core (100% = one core busy), and beside them
 * the harness itself (its load generator), the broker, PostgreSQL's work for the services' database, and the whole
 * machine: on a machine they all share, whether
 * it was busy says whether a figure is the services' limit or the machine's.
 */
public final class CpuWindow {

    /** The key of the whole machine's busy time (all processes, the kernel included). */
    public static final String MACHINE = "machine (all processes)";

    /** The database the local stack's services share. */
    public static final DatabaseBackends DATABASE = new DatabaseBackends("leadflow");

    private final List<ServiceProcess> processes;
    private final Map<String, Double> cpuAtStart = new LinkedHashMap<>();
    private final Optional<Double> machineAtStart;
    private final DatabaseBackends database;
    private final Map<Long, Double> databaseAtStart;
    private final long startNanos;

    private CpuWindow(List<ServiceProcess> processes, DatabaseBackends database) {
        this.processes = processes;
        for (ServiceProcess process : processes) {
            read(process).ifPresent(cpu -> cpuAtStart.put(process.service(), cpu));
        }
        this.database = database;
        this.databaseAtStart = database.cpuSecondsByPid();
        this.machineAtStart = machineBusySeconds();
        this.startNanos = System.nanoTime();
    }

    /**
     * A window over the services, the harness, the local broker (when it runs here) and the PostgreSQL backends of the
     * services' database (when the server runs here).
     */
    public static CpuWindow open(List<ServiceProcess> services) {
        List<ServiceProcess> all = new ArrayList<>(services);
        all.add(ServiceProcess.harness());
        ServiceProcess.kafkaBroker().ifPresent(all::add);
        return new CpuWindow(all, DATABASE);
    }

    /** Percent of one core used by each process, and by the {@link #MACHINE}, since the window opened. */
    public Map<String, Double> percentOfOneCore() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> percent = new LinkedHashMap<>();
        for (ServiceProcess process : processes) {
            Double before = cpuAtStart.get(process.service());
            read(process).filter(after -> before != null)
                    .ifPresent(after -> percent.put(process.service(), 100 * (after - before) / seconds));
        }
        if (!databaseAtStart.isEmpty()) {
            percent.put(database.name(), 100 * DatabaseBackends.usedBetween(databaseAtStart, database.cpuSecondsByPid()) / seconds);
        }
        machineAtStart.ifPresent(before -> machineBusySeconds()
                .ifPresent(after -> percent.put(MACHINE, 100 * (after - before) / seconds)));
        return percent;
    }

    /**
     * Milliseconds of CPU that {@code name} (a service, or {@link #DATABASE}'s name) spent per event, from
     * {@link #percentOfOneCore} over {@code seconds} in which {@code events} were processed: on a machine that other
     * work shares, the figure that work distorts least.
     */
    public static Optional<Double> millisPerEvent(Map<String, Double> percent, String name, double seconds, long events) {
        Double share = percent.get(name);
        return share == null || events <= 0 ? Optional.empty() : Optional.of(10 * share * seconds / events);
    }

    private static Optional<Double> read(ServiceProcess process) {
        try {
            return Optional.of(process.cpuSeconds());
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    // /proc/stat's first line: the ticks all cores spent in user, nice, system, idle, iowait, irq, softirq, steal, ...;
    // busy is this machine's own work: not idle, not waiting for I/O, not taken by the hypervisor (steal)
    private static Optional<Double> machineBusySeconds() {
        try {
            long[] ticks = Arrays.stream(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"))
                    .skip(1).limit(7).mapToLong(Long::parseLong).toArray();
            long busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6];
            return Optional.of(busy / ServiceProcess.TICKS_PER_SECOND);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
