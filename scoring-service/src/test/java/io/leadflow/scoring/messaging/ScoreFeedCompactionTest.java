package io.leadflow.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.LeadKeys;
import io.leadflow.events.LeadScored;
import io.leadflow.events.LifecycleStage;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.SharedKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The proof that an erasure's tombstones rid the score feed of the lead: on a topic with lead-scores' cleanup policy
 * (Topics.cleanup), its intervals shrunk from hours to milliseconds, the broker's log cleaner drops every record of
 * the erased lead's keys, tombstones included, and keeps the latest score of everyone else. Plain JUnit on the shared
 * broker; the wait is the cleaner's (it looks for work every 15 s by default and needs two passes: one drops the records
 * before the tombstones, a later one the tombstones once delete.retention.ms passed).
 */
class ScoreFeedCompactionTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void theLogCleanerRemovesEveryRecordOfAnErasedLeadFromTheScoreFeed() throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        String topic = "score-feed-compaction-" + UUID.randomUUID();
        Map<String, String> config = new HashMap<>(Topics.cleanup(Topics.LEAD_SCORES));
        config.put("segment.ms", "100");
        config.put("max.compaction.lag.ms", "100");
        config.put("delete.retention.ms", "100");
        config.put("min.cleanable.dirty.ratio", "0.01");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                        new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()).configs(config))).all().get(30, TimeUnit.SECONDS);
            String email = "ada-" + UUID.randomUUID() + "@example.com";
            String visitorKey = LeadKeys.of(null, "v-" + UUID.randomUUID());
            String otherEmail = "grace-" + UUID.randomUUID() + "@example.com";

            // given Ada's scores under her visitor key and then her email, and Grace's
            producer.send(new ProducerRecord<>(topic, visitorKey, scored(visitorKey, null, 5))).get();
            producer.send(new ProducerRecord<>(topic, email, scored(email, email, 8))).get();
            producer.send(new ProducerRecord<>(topic, otherEmail, scored(otherEmail, otherEmail, 3))).get();
            producer.send(new ProducerRecord<>(topic, email, scored(email, email, 11))).get();
            producer.send(new ProducerRecord<>(topic, otherEmail, scored(otherEmail, otherEmail, 6))).get();
            // when Ada is erased: a tombstone for each of her keys, as LeadErasure writes them
            producer.send(new ProducerRecord<>(topic, email, null)).get();
            producer.send(new ProducerRecord<>(topic, visitorKey, null)).get();

            // then, once the cleaner has been by, no record of the feed holds her email or her visitor key, not even a tombstone
            // (Grace's new scores keep closing segments and giving the cleaner work, as a live feed does)
            List<ConsumerRecord<String, String>> feed = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        producer.send(new ProducerRecord<>(topic, otherEmail, scored(otherEmail, otherEmail, 9))).get();
                        return readFromTheBeginning(bootstrap, topic);
                    }, records -> records.stream().noneMatch(record -> mentions(record, email) || mentions(record, visitorKey)));
            // and it compacted rather than emptied the feed: Grace's latest score is there, her earlier ones are gone
            assertThat(feed).filteredOn(record -> otherEmail.equals(record.key())).isNotEmpty()
                    .allSatisfy(record -> assertThat(JSON.readTree(record.value()).get("score").asInt()).isEqualTo(9));
        } finally {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String scored(String leadKey, String email, int score) throws JsonProcessingException {
        return JSON.writeValueAsString(new LeadScored(UUID.randomUUID().toString(), leadKey, email, score, 3, UUID.randomUUID().toString(),
                LifecycleStage.LEAD, Instant.now()));
    }

    private static boolean mentions(ConsumerRecord<String, String> record, String text) {
        return text.equals(record.key()) || record.value() != null && record.value().contains(text);
    }

    private static List<ConsumerRecord<String, String>> readFromTheBeginning(String bootstrap, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
