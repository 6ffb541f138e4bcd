package io.leadflow.e2e;

import static org.awaitility.Awaitility.await;

import io.leadflow.testsupport.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Leadflow service ({@code target/quarkus-app}) running as its own JVM. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** A training run (AotTrainingIT): each service records its AOT cache instead of using one. */
    static final boolean RECORDING_AOT_CACHES = Boolean.getBoolean("leadflow.aot.record");
    /** Writing the cache at exit starts a second JVM that assembles it: far longer than a plain stop. */
    private static final Duration CACHE_WRITE_GRACE = Duration.ofMinutes(5);

    private final String name;
    private final int port;
    private final int managementPort;
    private final ProcessBuilder launcher;
    private final Path log;
    private volatile Process process;

    private ServiceProcess(String name, int port, int managementPort, ProcessBuilder launcher, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.launcher = launcher;
        this.log = log;
    }

    /**
     * Starts {@code <root>/<name>/target/quarkus-app/quarkus-run.jar} with {@code env} on {@code port}, its management
     * interface (health, metrics) on a port of its own.
     */
    static ServiceProcess start(Path root, String name, int port, Map<String, String> env, Path logDir) {
        return start(root, name, name, port, env, logDir);
    }

    /** Starts one more instance of service {@code name}, logging to {@code <logDir>/<instance>.log}. */
    static ServiceProcess start(Path root, String name, String instance, int port, Map<String, String> env, Path logDir) {
        int managementPort = LeadflowStack.freePort();
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(instance + ".log");
            Files.deleteIfExists(log);
            // the JVM running the tests (Java 25, which mvnw picks), with the local stack's options: an OutOfMemoryError
            // ends the process, as an orchestrator needs to restart it (docs/architecture.md, Decisions); compact object
            // headers; the native heap trimmed; the service's AOT cache where the build or a training run made one
            // (docs/benchmarks.md), or, in a training run (deploy/aot/train), recording one that the JVM writes as it stops
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders", "-XX:TrimNativeHeapInterval=5000",
                    "-XX:+ExitOnOutOfMemoryError"));
            Path aotCache = jar.resolveSibling("app.aot");
            if (RECORDING_AOT_CACHES) {
                command.add("-XX:AOTCacheOutput=" + aotCache);
            } else if (Files.exists(aotCache)) {
                command.add("-XX:AOTCache=" + aotCache);
            }
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder launcher = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    // appended, so the log of a run with restarts tells the whole story
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            launcher.environment().putAll(env);
            launcher.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            launcher.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
            ServiceProcess service = new ServiceProcess(name, port, managementPort, launcher, log);
            service.launch();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    String name() {
        return name;
    }

    /** Kills the service as {@code kill -9} would: no shutdown hook, no offset commit, no flush. */
    void kill() {
        ChildProcesses.kill(process);
    }

    /** Starts the service again with the same port and environment (after {@link #kill()}). */
    void restart() {
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart " + name, e);
        }
    }

    private void launch() throws IOException {
        process = launcher.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: health, metrics and the OpenAPI document, which the API port does not serve. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Waits until the service reports ready (its Kafka and database checks are UP). */
    void awaitReady(Duration timeout) {
        // a recording JVM starts slower, four at once slower still
        await(name + " ready").atMost(RECORDING_AOT_CACHES ? timeout.multipliedBy(4) : timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            return isReady();
        });
    }

    /** What the service wrote so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the service exits by itself (a refused start); its exit code. */
    int awaitExit(Duration timeout) {
        await(name + " exit").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> !process.isAlive());
        return process.exitValue();
    }

    boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops it with SIGTERM, as an orchestrator does; true when it exited by itself within the grace period. */
    boolean stop() {
        if (RECORDING_AOT_CACHES) {
            process.destroy();
            try {
                process.waitFor(CACHE_WRITE_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ChildProcesses.stop(process);
    }
}
