package io.leadflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Apache Kafka broker (KRaft, single node) run as its own JVM from the jars that the
 * {@code local-infra} module lists, so no broker or Scala class shares a classpath with a service.
 */
public final class LocalKafkaProcess implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "leadflow/local-infra.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path workDir;
    private final int port;
    private final int controllerPort;
    private final String bootstrapServers;
    private volatile Process process;

    private LocalKafkaProcess(Path workDir, int port, int controllerPort) {
        this.workDir = workDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.bootstrapServers = "127.0.0.1:" + port;
    }

    /** Starts a broker with its data and log under {@code workDir} and waits until it answers. */
    public static LocalKafkaProcess start(Path workDir) {
        try {
            LocalKafkaProcess broker = new LocalKafkaProcess(workDir, freePort(), freePort());
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a local Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Kills the broker as {@code kill -9} would: no flush, no controlled shutdown. */
    public void kill() {
        ChildProcesses.kill(process);
    }

    /**
     * Stops the broker as an operator's SIGTERM does (a controlled shutdown: logs flushed and closed)
     * and waits until it has exited; false when it did not exit within 20 s and had to be killed.
     */
    public boolean stop() {
        return ChildProcesses.stop(process);
    }

    /** Starts the broker again on the same ports and data (after {@link #kill()} or {@link #stop()}), and waits until it answers. */
    public void restart() {
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart the local Kafka broker", e);
        }
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }

    private void launch() throws IOException {
        Files.createDirectories(workDir);
        Path log = workDir.resolve("kafka-broker.log");
        process = new ProcessBuilder(List.of(
                javaExecutable(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", launcherClasspath(),
                "io.leadflow.localinfra.LocalKafkaBroker",
                workDir.resolve("data").toString(), String.valueOf(port), String.valueOf(controllerPort)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitReady(log);
    }

    private void awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                sleepBriefly();
            }
        }
        close();
        throw new IllegalStateException("Kafka broker did not answer within " + START_TIMEOUT + "; see " + log);
    }

    private static void sleepBriefly() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The launcher jar (or classes folder) followed by the broker's dependency jars. */
    static String launcherClasspath() throws IOException {
        URL resource = LocalKafkaProcess.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(CLASSPATH_RESOURCE + " is not on the classpath: build local-infra first");
        }
        String dependencies;
        try (var in = resource.openStream()) {
            dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        return launcherRoot(resource) + java.io.File.pathSeparator + dependencies;
    }

    private static String launcherRoot(URL resource) {
        String url = resource.toString();
        try {
            if (url.startsWith("jar:")) {
                String jar = url.substring("jar:".length(), url.indexOf("!/"));
                return Path.of(new java.net.URI(jar)).toString();
            }
            Path file = Path.of(resource.toURI());
            return file.getParent().getParent().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unexpected resource location " + url, e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
