package io.leadflow.bench.scenario;

import io.leadflow.bench.kafka.KafkaAdmin;
import io.leadflow.bench.kafka.ProducerPerformanceRun;
import io.leadflow.bench.mix.EventGenerator;
import io.leadflow.bench.mix.EventJson;
import io.leadflow.bench.report.Figure;
import io.leadflow.bench.report.Report;
import io.leadflow.events.Topics;
import java.time.Instant;

/**
 * The raw ceiling: ProducerPerformance writing records the size of an average engagement record, with
 * {@code acks=all}, to a topic with as many partitions as {@code leadflow.engagement.v1}.
 */
public final class CeilingScenario implements Scenario {

    public static final String TOPIC = "leadflow.bench.ceiling";
    private static final int SAMPLE = 1000;

    private final String bootstrapServers;
    private final ProducerPerformanceRun tool;
    private final EventGenerator generator;
    private final int records;

    public CeilingScenario(String bootstrapServers, String toolsClasspath, EventGenerator generator, int records) {
        this.bootstrapServers = bootstrapServers;
        this.tool = new ProducerPerformanceRun(toolsClasspath);
        this.generator = generator;
        this.records = records;
    }

    @Override
    public String name() {
        return Report.CEILING;
    }

    @Override
    public void run(Report report) throws Exception {
        int recordSize = averageRecordSize();
        try (KafkaAdmin admin = new KafkaAdmin(bootstrapServers)) {
            admin.ensureTopic(TOPIC, Math.max(1, admin.partitions(Topics.ENGAGEMENT)));
        }
        ProducerPerformanceRun.Result result = tool.run(bootstrapServers, TOPIC, records, recordSize);
        report.add(Figure.of(name(), "records/s", result.recordsPerSecond(), "records/s"));
        report.add(Figure.of(name(), "MB/s", result.megabytesPerSecond(), "MB/s"));
        report.add(Figure.of(name(), "record size", recordSize, "bytes"));
        report.add(Figure.of(name(), "records", result.records(), "records"));
        report.add(Figure.of(name(), "p50 (send to ack)", result.p50Millis(), "ms"));
        report.add(Figure.of(name(), "p99 (send to ack)", result.p99Millis(), "ms"));
        report.add(Figure.of(name(), "p99.9 (send to ack)", result.p999Millis(), "ms"));
    }

    /** The mean size of the engagement.captured.v1 data the mix produces: the ceiling writes records of that size. */
    private int averageRecordSize() {
        long bytes = 0;
        for (int i = 0; i < SAMPLE; i++) {
            bytes += EventJson.captured(generator.next(), Instant.now()).length();
        }
        return (int) (bytes / SAMPLE);
    }
}
