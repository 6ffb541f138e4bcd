package io.leadflow.bench.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw ceiling: Kafka's own {@code org.apache.kafka.tools.ProducerPerformance}, run as its own JVM
 * from local-infra's classpath (kafka-tools), against the same broker, with the same record size and
 * {@code acks=all}, as fast as it can.
 */
public final class ProducerPerformanceRun {

    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency,"
            + " (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");

    private final String toolsClasspath;

    public ProducerPerformanceRun(String toolsClasspath) {
        this.toolsClasspath = toolsClasspath;
    }

    /** What the tool printed last: its whole-run summary. */
    public record Result(long records, double recordsPerSecond, double megabytesPerSecond, double avgMillis,
            double p50Millis, double p99Millis, double p999Millis) {
    }

    public Result run(String bootstrapServers, String topic, int records, int recordSize) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", toolsClasspath, "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true",
                "max.block.ms=15000");
        Path log = Files.createTempFile("producer-performance", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("ProducerPerformance did not finish within 5 minutes");
            }
            return parse(Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static Result parse(String output) {
        Matcher summary = SUMMARY.matcher(output);
        Result last = null;
        while (summary.find()) {
            last = new Result(Long.parseLong(summary.group(1)), Double.parseDouble(summary.group(2)),
                    Double.parseDouble(summary.group(3)), Double.parseDouble(summary.group(4)),
                    Double.parseDouble(summary.group(6)), Double.parseDouble(summary.group(8)),
                    Double.parseDouble(summary.group(9)));
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
        }
        return last;
    }
}
