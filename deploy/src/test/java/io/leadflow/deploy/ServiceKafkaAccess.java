package io.leadflow.deploy;

import io.leadflow.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service reads and writes on Kafka, derived from its code rather than kept by hand: the
 * smallrye-kafka channels of its application.properties (topics, consumer groups, dead-letter
 * topics) and the topics its outbox rows name (every {@code Topics.X} constant in a source file that
 * uses tx-messaging's Outbox). A service with kafka-ops' operations API also reads its dead-letter topics
 * (their latest records), describes its groups (their lag) and writes what it consumes (a dead letter's retry).
 *
 * @param readTopics       the topics it consumes
 * @param deadLetterTopics its dead-letter topics (also among the topics it writes)
 * @param opsApi           whether the service serves kafka-ops' /v1/ops API
 */
record ServiceKafkaAccess(String service, Set<String> readTopics, Set<String> groups, Set<String> writeTopics,
        Set<String> deadLetterTopics, boolean opsApi) {

    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("\\bTopics\\.([A-Z][A-Z0-9_]*)\\b");
    private static final String OUTBOX_IMPORT = "import io.leadflow.txmessaging.Outbox;";

    static ServiceKafkaAccess derive(Path module) {
        Properties config = ApplicationProperties.of(module);
        String service = config.getProperty("quarkus.application.name", module.getFileName().toString());
        Set<String> reads = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        for (String key : config.stringPropertyNames()) {
            Matcher channel = CHANNEL_KEY.matcher(key);
            if (!channel.matches() || !"smallrye-kafka".equals(config.getProperty(key))) {
                continue;
            }
            String prefix = "mp.messaging." + channel.group(1) + "." + channel.group(2) + ".";
            // SmallRye's defaults: the topic is the channel's name; the group, Quarkus' application name
            String topic = config.getProperty(prefix + "topic", channel.group(2));
            if (channel.group(1).equals("outgoing")) {
                writes.add(topic);
                if (topic.endsWith(".dlq")) {
                    deadLetters.add(topic);
                }
                continue;
            }
            reads.add(topic);
            groups.add(config.getProperty(prefix + "group.id", config.getProperty("kafka.group.id", service)));
            if ("dead-letter-queue".equals(config.getProperty(prefix + "failure-strategy"))) {
                String deadLetterTopic = config.getProperty(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + topic);
                writes.add(deadLetterTopic);
                deadLetters.add(deadLetterTopic);
            }
        }
        writes.addAll(outboxTopics(module.resolve("src/main/java")));
        Path pom = module.resolve("pom.xml");
        boolean opsApi = Files.exists(pom) && read(pom).contains("<artifactId>kafka-ops</artifactId>");
        return new ServiceKafkaAccess(service, reads, groups, writes, deadLetters, opsApi);
    }

    /** Strimzi simple-authorization ACLs this access needs, as "type:name:Operation" strings. */
    Set<String> expectedAcls() {
        Set<String> acls = new TreeSet<>();
        readTopics.forEach(topic -> acls.addAll(Set.of("topic:" + topic + ":Read", "topic:" + topic + ":Describe")));
        groups.forEach(group -> acls.add("group:" + group + ":Read"));
        if (opsApi) {
            deadLetterTopics.forEach(topic -> acls.addAll(Set.of("topic:" + topic + ":Read", "topic:" + topic + ":Describe")));
            groups.forEach(group -> acls.add("group:" + group + ":Describe"));
            readTopics.forEach(topic -> acls.add("topic:" + topic + ":Write"));
        }
        writeTopics.forEach(topic -> acls.addAll(Set.of("topic:" + topic + ":Write", "topic:" + topic + ":Describe")));
        return acls;
    }

    private static Set<String> outboxTopics(Path sources) {
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                if (code.contains(OUTBOX_IMPORT)) {
                    Matcher constant = TOPIC_CONSTANT.matcher(code);
                    while (constant.find()) {
                        topics.add(topicNamed(constant.group(1), file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    private static String topicNamed(String constant, Path file) {
        try {
            return (String) Topics.class.getField(constant).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(file + " names Topics." + constant + ", which lead-events' Topics does not have", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
