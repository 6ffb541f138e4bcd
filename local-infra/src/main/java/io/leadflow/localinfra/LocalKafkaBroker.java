package io.leadflow.localinfra;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a single-node Apache Kafka broker in KRaft mode (broker and controller in one JVM).
 *
 * <p>Usage: {@code LocalKafkaBroker <dataDir> <port> [controllerPort]}. The data directory is
 * formatted on first start and reused afterwards, so a restarted broker keeps its topics.
 */
public final class LocalKafkaBroker {

    private LocalKafkaBroker() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LocalKafkaBroker <dataDir> <port> [controllerPort]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : port + 1;

        Path config = writeConfig(dataDir, port, controllerPort);
        formatOnce(dataDir, config);
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort) throws IOException {
        Path logs = dataDir.resolve("logs");
        Files.createDirectories(logs);
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.segment.bytes=67108864",
                "");
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, properties, StandardCharsets.UTF_8);
        return config;
    }

    private static void formatOnce(Path dataDir, Path config) {
        if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        int exit = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"},
                new PrintStream(System.out, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("formatting " + dataDir + " failed with exit code " + exit);
        }
    }
}
