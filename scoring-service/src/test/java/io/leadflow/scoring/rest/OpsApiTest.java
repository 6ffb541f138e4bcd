package io.leadflow.scoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.Topics;
import io.leadflow.kafkaops.ChannelLag;
import io.leadflow.kafkaops.ConsumedChannel;
import io.leadflow.kafkaops.ConsumerLagReader;
import io.leadflow.kafkaops.PartitionLag;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.Tokens;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.SharedKafka;
import io.leadflow.testsupport.TestRecords;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The operations API (kafka-ops) as scoring-service wires it, against the real broker and database. */
@QuarkusTest
class OpsApiTest {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.ENGAGEMENT);

    @Inject
    ConsumerLagReader lagReader;

    @Test
    void consumers_are_the_channels_of_the_configuration_with_their_group_and_lag() {
        JsonPath consumers = given().header("Authorization", Tokens.ADMIN).get("/v1/ops/consumers")
                .then().statusCode(200)
                .body("channels.channel", hasItems("engagement", "sales-feedback"))
                .body("channels.find { it.channel == 'engagement' }.topic", is(Topics.ENGAGEMENT))
                .body("channels.find { it.channel == 'engagement' }.group", is("scoring-service"))
                .extract().jsonPath();

        List<Map<String, Object>> partitions = consumers.getList("channels.find { it.channel == 'engagement' }.partitions");
        // a partition the group committed on is behind by what lies past its commit; one it never committed on, by what it holds
        assertThat(partitions).isNotEmpty().allSatisfy(partition -> {
            long lag = ((Number) partition.get("lag")).longValue();
            long end = ((Number) partition.get("end")).longValue();
            if (partition.get("committed") == null) {
                assertThat(lag).isBetween(0L, end);
            } else {
                assertThat(lag).isEqualTo(end - ((Number) partition.get("committed")).longValue());
            }
        });
    }

    @Test
    void lag_is_what_a_group_has_not_consumed_of_what_was_produced() throws Exception {
        // given five records on a topic of the test's own (one partition), of which a group of the test's own committed two
        String topic = "ops-lag-" + UUID.randomUUID();
        String group = "ops-lag-group-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 5; i++) {
            TestRecords.send(topic, "key", Map.of(), "record " + i);
        }
        ConsumedChannel channel = new ConsumedChannel("probe", topic, group, null);
        commit(group, topic, 2);

        // then the group is three records behind
        ChannelLag lag = lagReader.lag(channel);
        assertThat(lag.totalLag()).isEqualTo(3);
        assertThat(lag.partitions()).extracting(PartitionLag::committed, PartitionLag::end).containsExactly(Tuple.tuple(2L, 5L));

        // and once it committed them all, none
        commit(group, topic, 5);
        assertThat(lagReader.lag(channel).totalLag()).isZero();
    }

    @Test
    void a_poison_record_is_listed_with_its_reason_and_an_admin_retries_it_once() {
        // given a record the consumer can never process
        String key = TestEngagements.uniqueEmail("ops-poison");
        String ceId = UUID.randomUUID().toString();
        TestRecords.sendCloudEvent(Topics.ENGAGEMENT, key, ceId, EngagementCaptured.TYPE, "{not json");

        // then it is listed on the engagement channel's dead-letter topic, with its reason and origin
        Map<String, Object> letter = awaitDeadLetter(key);
        assertThat((String) letter.get("reason")).contains("not JSON");
        assertThat(letter.get("originalTopic")).isEqualTo(Topics.ENGAGEMENT);
        assertThat(letter.get("value")).isEqualTo("{not json");
        assertThat(letter.get("retried")).isNull();
        int partition = (Integer) letter.get("partition");
        long offset = ((Number) letter.get("offset")).longValue();

        try (TopicProbe original = TopicProbe.tail(Topics.ENGAGEMENT); TopicProbe again = TopicProbe.tail(DEAD_LETTERS)) {
            // when an admin retries it, with a display name of their own choosing beside their subject
            given().header("Authorization", DevTokens.bearerWithUsername("max", "renamed-by-max", "admin"))
                    .post("/v1/ops/dead-letters/{topic}/{partition}/{offset}/retry", DEAD_LETTERS, partition, offset)
                    .then().statusCode(200)
                    .body("republishedTo", is(Topics.ENGAGEMENT), "retriedBy", is("max"));

            // then the same record is on the original topic, without the dead-letter headers
            ReceivedEvent republished = original.awaitEvents(1, event -> key.equals(event.key()), Duration.ofSeconds(30)).get(0);
            assertThat(republished.value()).isEqualTo("{not json");
            assertThat(republished.headers()).containsEntry("ce_id", ceId).doesNotContainKey("dead-letter-reason");
            // and, poison still, it is dead-lettered again
            assertThat(again.awaitEvents(1, event -> key.equals(event.key()), Duration.ofSeconds(60)).get(0).headers())
                    .containsKey("dead-letter-reason");
        }

        // and the listing says who retried it; a second retry is refused
        Map<String, Object> retried = letterAt(partition, offset);
        assertThat(retried.get("retried")).asString().contains("max");
        given().header("Authorization", Tokens.ADMIN)
                .post("/v1/ops/dead-letters/{topic}/{partition}/{offset}/retry", DEAD_LETTERS, partition, offset)
                .then().statusCode(409).contentType(containsString("application/problem+json"))
                .body("status", is(409), "detail", containsString("retried by max"));
    }

    @Test
    void a_topic_that_is_not_a_dead_letter_topic_of_the_service_is_400_and_an_unknown_offset_404() {
        given().header("Authorization", Tokens.ADMIN)
                .post("/v1/ops/dead-letters/{topic}/{partition}/{offset}/retry", Topics.ENGAGEMENT, 0, 0)
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", is("topic"), "detail", containsString(DEAD_LETTERS));
        given().header("Authorization", Tokens.ADMIN)
                .post("/v1/ops/dead-letters/{topic}/{partition}/{offset}/retry", DEAD_LETTERS, 0, Long.MAX_VALUE - 1)
                .then().statusCode(404).contentType(containsString("application/problem+json"));
        given().header("Authorization", Tokens.ADMIN).queryParam("limit", 0).get("/v1/ops/dead-letters")
                .then().statusCode(400).body("errors[0].field", is("limit"));
    }

    private static Map<String, Object> awaitDeadLetter(String key) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> latestDeadLetters().stream().filter(letter -> key.equals(letter.get("key"))).findFirst().orElse(null),
                        letter -> letter != null);
    }

    private static Map<String, Object> letterAt(int partition, long offset) {
        return latestDeadLetters().stream()
                .filter(letter -> (Integer) letter.get("partition") == partition && ((Number) letter.get("offset")).longValue() == offset)
                .findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> latestDeadLetters() {
        return given().header("Authorization", Tokens.ADMIN).queryParam("limit", 100).get("/v1/ops/dead-letters")
                .then().statusCode(200).extract().jsonPath()
                .getList("topics.find { it.topic == '" + DEAD_LETTERS + "' }.latest");
    }

    private static void commit(String group, String topic, long offset) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset)));
        }
    }
}
