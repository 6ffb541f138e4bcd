package io.leadflow.bench.resources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A process on this machine as Linux shows it in {@code /proc}: a running Leadflow service (the java process whose
 * command line names {@code <service>/target/quarkus-app/quarkus-run.jar}), or what runs alongside it (the broker,
 * the harness).
 *
 * @param jar the command-line argument it was found by (a service's jar); null for the harness
 */
public record ServiceProcess(String service, long pid, Path jar) {

    /** Linux's clock ticks per second for {@code /proc/<pid>/stat} times (USER_HZ, 100 on every mainstream build). */
    static final double TICKS_PER_SECOND = 100.0;
    private static final Pattern STARTED_IN = Pattern.compile("started in ([\\d.]+)s");

    /** The process of this service, if one runs. */
    public static Optional<ServiceProcess> find(String service) {
        String jarSuffix = service + "/target/quarkus-app/quarkus-run.jar";
        return findBy(service, argument -> argument.endsWith(jarSuffix));
    }

    /** The local stack's Kafka broker (local-infra's {@code LocalKafkaBroker}), if it runs on this machine. */
    public static Optional<ServiceProcess> kafkaBroker() {
        return findBy("kafka broker", argument -> argument.equals("io.leadflow.localinfra.LocalKafkaBroker"));
    }

    /** This JVM: the harness, whose load generator shares the machine with what it measures. */
    public static ServiceProcess harness() {
        return new ServiceProcess("bench harness", ProcessHandle.current().pid(), null);
    }

    // the first process with an argument that matches; jar is that argument
    private static Optional<ServiceProcess> findBy(String name, Predicate<String> argumentMatches) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
                    .flatMap(entry -> commandLine(entry).stream()
                            .filter(argumentMatches)
                            .map(argument -> new ServiceProcess(name, Long.parseLong(entry.getFileName().toString()), Path.of(argument))))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the process (SIGSTOP) until {@link #resume}: it keeps its memory and connections and uses no CPU; a
     * consumer that stays paused longer than its session timeout leaves its group and joins again when resumed.
     */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a {@link #pause paused} process go on (SIGCONT). */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + pid + " (" + service + ") failed: " + output);
        }
    }

    /**
     * The JVM this process runs on ({@link ServiceJvm#describe}): the Java home of its executable
     * ({@code /proc/<pid>/exe}) and its command line.
     */
    public Optional<String> jvm() {
        try {
            Path home = Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "exe")).getParent().getParent();
            return Optional.of(ServiceJvm.describe(Files.readString(home.resolve("release")), commandLine(Path.of("/proc", String.valueOf(pid)))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Resident memory now, in MB. */
    public double rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    /** CPU time used so far (user + system), in seconds. */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // fields after the command name, which is in parentheses and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /**
     * The start-up time Quarkus logged ("started in 1.234s"), from the local stack's log of the
     * service: {@code logs} if given, else the {@code .local/logs} beside the build the jar is from.
     */
    public Optional<Double> startupSeconds(Optional<Path> logs) {
        Path folder = logs.orElseGet(() -> jar.getParent().getParent().getParent().getParent().resolve(".local/logs"));
        Path log = folder.resolve(service + ".log");
        try {
            Double last = null;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher started = STARTED_IN.matcher(line);
                if (started.find()) {
                    last = Double.parseDouble(started.group(1));
                }
            }
            return Optional.ofNullable(last);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> commandLine(Path process) {
        try {
            return List.of(new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException gone) {
            return List.of();
        }
    }
}
