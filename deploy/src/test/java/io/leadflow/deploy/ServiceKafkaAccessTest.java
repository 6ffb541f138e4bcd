package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a service's Kafka access is derived from its code, on a made-up module. */
class ServiceKafkaAccessTest {

    @TempDir
    Path module;

    @Test
    void channelsDeadLettersAndOutboxCallsMakeTheAccessWithSmallRyesDefaults() throws IOException {
        // Given a module with an explicit and a defaulted incoming channel, a test-only one, an outgoing one and an outbox call
        write("src/main/resources/application.properties", """
                quarkus.application.name=demo-service
                mp.messaging.incoming.leads.connector=smallrye-kafka
                mp.messaging.incoming.leads.topic=leadflow.lifecycle.v1
                mp.messaging.incoming.leads.group.id=demo-group
                mp.messaging.incoming.leads.failure-strategy=dead-letter-queue
                mp.messaging.incoming.leads.dead-letter-queue.topic=leadflow.lifecycle.v1.dlq
                mp.messaging.incoming.raw-clicks.connector=smallrye-kafka
                mp.messaging.incoming.raw-clicks.failure-strategy=dead-letter-queue
                mp.messaging.incoming.in-memory.connector=smallrye-in-memory
                mp.messaging.outgoing.notes.connector=smallrye-kafka
                mp.messaging.outgoing.notes.topic=leadflow.crm-sync.v1
                """);
        write("src/main/java/demo/Publisher.java", """
                import io.leadflow.txmessaging.Outbox;
                class Publisher { Object publish(Outbox outbox) { return outbox.add(Topics.HANDOFFS, "k", "id", "t", null); } }
                """);
        write("src/main/java/demo/Reader.java", "class Reader { String topic = Topics.ENGAGEMENT; }");

        // When its access is derived
        ServiceKafkaAccess access = ServiceKafkaAccess.derive(module);

        // Then SmallRye's defaults apply (topic = channel name, group = application name, DLQ name),
        // other connectors are ignored, and only files that use the Outbox add outbox topics
        assertThat(access.service()).isEqualTo("demo-service");
        assertThat(access.readTopics()).containsExactlyInAnyOrder("leadflow.lifecycle.v1", "raw-clicks");
        assertThat(access.groups()).containsExactlyInAnyOrder("demo-group", "demo-service");
        assertThat(access.writeTopics()).containsExactlyInAnyOrder("leadflow.lifecycle.v1.dlq", "dead-letter-topic-raw-clicks",
                "leadflow.crm-sync.v1", "leadflow.handoffs.v1");
        assertThat(access.expectedAcls()).contains("group:demo-group:Read", "topic:leadflow.lifecycle.v1:Read",
                "topic:leadflow.lifecycle.v1:Describe", "topic:leadflow.handoffs.v1:Write").doesNotContain("topic:leadflow.engagement.v1:Read");
    }

    @Test
    void theOpsApiAlsoReadsTheDeadLettersDescribesTheGroupsAndWritesWhatItConsumes() throws IOException {
        // Given a module with kafka-ops' operations API and one dead-lettered incoming channel
        write("pom.xml", "<project><dependencies><dependency><artifactId>kafka-ops</artifactId></dependency></dependencies></project>");
        write("src/main/resources/application.properties", """
                quarkus.application.name=demo-service
                mp.messaging.incoming.leads.connector=smallrye-kafka
                mp.messaging.incoming.leads.topic=leadflow.lifecycle.v1
                mp.messaging.incoming.leads.failure-strategy=dead-letter-queue
                mp.messaging.incoming.leads.dead-letter-queue.topic=leadflow.lifecycle.v1.dlq
                """);
        Files.createDirectories(module.resolve("src/main/java"));

        // When its access is derived
        ServiceKafkaAccess access = ServiceKafkaAccess.derive(module);

        // Then it may read its dead letters (to list them), describe its group (its lag) and write its topic (a retry)
        assertThat(access.expectedAcls()).contains("topic:leadflow.lifecycle.v1.dlq:Read", "group:demo-service:Describe",
                "topic:leadflow.lifecycle.v1:Write");
    }

    private void write(String path, String content) throws IOException {
        Path file = module.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
