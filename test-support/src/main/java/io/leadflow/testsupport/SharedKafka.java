package io.leadflow.testsupport;

import java.nio.file.Path;
import org.testcontainers.kafka.KafkaContainer;

/** One Kafka broker per test JVM, shared by every test class of a module. */
public final class SharedKafka {

    // A system property, not only a static field: a Quarkus test profile reloads this class in a
    // new class loader, which must find the broker already running instead of starting a second one.
    private static final String STARTED_BROKER = "leadflow.test.kafka.bootstrap";

    private static String bootstrapServers;

    private SharedKafka() {
    }

    /** The broker's bootstrap servers, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = TestInfrastructure.env("LEADFLOW_TEST_KAFKA_BOOTSTRAP")
                    .or(() -> java.util.Optional.ofNullable(System.getProperty(STARTED_BROKER)))
                    .orElseGet(SharedKafka::start);
            System.setProperty(STARTED_BROKER, bootstrapServers);
        }
        return bootstrapServers;
    }

    private static String start() {
        if (TestInfrastructure.dockerAvailable()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:4.2.1");
            container.start();
            return container.getBootstrapServers();
        }
        Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "kafka-" + ProcessHandle.current().pid());
        return LocalKafkaProcess.start(workDir).bootstrapServers();
    }
}
