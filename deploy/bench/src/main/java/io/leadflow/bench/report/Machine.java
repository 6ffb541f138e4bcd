package io.leadflow.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine a run was measured on: figures mean little without it.
 *
 * @param cores available processors
 * @param memoryMegabytes total memory
 * @param cpuModel the CPU's model name
 * @param jdk the JVM the services run on, with their JVM options (the first service found); the harness's when none runs
 * @param loadAverageAtStart the 1-minute load average when the run began: other work on the machine
 */
public record Machine(int cores, long memoryMegabytes, String cpuModel, String jdk, double loadAverageAtStart) {

    /** This machine, naming {@code servicesJvm} as its JDK, or the harness's JVM when no service was found. */
    public static Machine describe(Optional<String> servicesJvm) {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemoryMegabytes(), readCpuModel(),
                servicesJvm.orElseGet(() -> "no service running; the harness's: " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version")), loadAverage());
    }

    private static long readMemoryMegabytes() {
        return procLine("/proc/meminfo", "MemTotal:").map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).orElse(0L);
    }

    private static String readCpuModel() {
        return procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim())
                .orElse(System.getProperty("os.arch"));
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Optional<String> procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
