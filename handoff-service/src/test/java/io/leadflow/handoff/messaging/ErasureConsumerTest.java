package io.leadflow.handoff.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadflow.events.ErasedKeyHash;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.LeadErased;
import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.Topics;
import io.leadflow.handoff.Tokens;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TestRecords;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A lead erased on request leaves no email or lead key in its handoffs and no published event behind; the webhook
 * subscribers that may have received it are told; and none of its old records, replayed or retried from the dead-letter
 * topic, hands it off again.
 */
@QuarkusTest
class ErasureConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET = "whsec_cmVjZWl2ZXItc2VjcmV0LTAxMjM0NTY3ODlhYmNkZWY=";
    private static final String LIFECYCLE_DEAD_LETTERS = Topics.deadLetter(Topics.LIFECYCLE);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final List<String> subscriptions = new ArrayList<>();

    @Inject
    Pool pool;
    @Inject
    ErasedKeyHash keyHash;

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(id -> given().header("Authorization", Tokens.ADMIN).when().delete("/v1/webhooks/" + id));
    }

    @Test
    void anErasedLeadsHandoffsAreAnonymizedItsStoredEventsDeletedAndItsSubscribersTold() {
        try (WebhookReceiver everything = WebhookReceiver.answering(200); WebhookReceiver createdOnly = WebhookReceiver.answering(200);
                WebhookReceiver elsewhere = WebhookReceiver.answering(200)) {
            // Given subscribers to every event, to handoff.created.v1 only, and to a rep who gets no leads
            subscribe(Map.of("url", everything.url(), "secret", SECRET));
            subscribe(Map.of("url", createdOnly.url(), "secret", SECRET, "eventTypes", List.of(HandoffCreated.TYPE)));
            subscribe(Map.of("url", elsewhere.url(), "secret", SECRET, "reps", List.of("nobody")));
            // and a lead with a handoff they received (with its email), and another lead's handoff
            LeadStageChanged change = StageChanges.toMql(StageChanges.newLeadEmail());
            String handoffId = Handoffs.create(change).ceId();
            String otherId = Handoffs.create();
            everything.await(handoffId, 1, WAIT);
            createdOnly.await(handoffId, 1, WAIT);
            assertThat(storedEvents(change.leadKey())).isPositive();

            // When scoring-service announces the lead's erasure
            Instant erasedAt = Instant.now();
            erase(change, erasedAt);

            // Then the handoff keeps its routing and status but neither email nor lead key
            await().atMost(WAIT).untilAsserted(() -> assertThat(row(handoffId).getString("email")).isNull());
            Row erased = row(handoffId);
            assertThat(erased.getString("lead_key")).startsWith("erased:").doesNotContain(change.leadKey());
            assertThat(erased.getString("status")).isEqualTo("OFFERED");
            given().header("Authorization", Tokens.ADMIN).queryParam("email", change.email()).when().get("/v1/handoffs").then().statusCode(200).body("$", empty());
            assertThat(storedEvents(change.leadKey())).isZero();
            // and the other lead is untouched
            assertThat(row(otherId).getString("email")).isNotNull();

            // and both subscribers that received the lead get lead.erased, signed like every delivery, naming the lead and
            // its handoff by id and carrying nothing else of it
            for (WebhookReceiver receiver : List.of(everything, createdOnly)) {
                await().atMost(WAIT).until(() -> erasureNotices(receiver).size() == 1);
                WebhookReceiver.Received notice = erasureNotices(receiver).get(0);
                assertThat(notice.verifiesWith(SECRET)).isTrue();
                JsonNode data = notice.json().get("data");
                assertThat(data.get("leadId").asText()).isEqualTo(change.leadId());
                assertThat(data.get("handoffIds")).extracting(JsonNode::asText).containsExactly(handoffId);
                assertThat(Instant.parse(data.get("erasedAt").asText())).isEqualTo(erasedAt);
                assertThat(new String(notice.body(), StandardCharsets.UTF_8)).doesNotContainIgnoringCase(change.email());
            }
            // and the subscriber that never had it is not told of it
            assertThat(erasureNotices(elsewhere)).isEmpty();
        }
    }

    @Test
    void anErasedLeadsOldLifecycleRecordsReplayedOrRetriedFromTheDeadLettersHandNothingOff() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            subscribe(Map.of("url", receiver.url(), "secret", SECRET));
            // Given a lead handed off, one of whose MQL records had been dead-lettered (say, the database was down then)
            LeadStageChanged change = StageChanges.toMql(StageChanges.newLeadEmail());
            String handoffId = Handoffs.create(change).ceId();
            String deadLettered = UUID.randomUUID().toString();
            TestRecords.send(LIFECYCLE_DEAD_LETTERS, change.leadKey(), Map.of("ce_specversion", "1.0", "ce_id", deadLettered,
                    "ce_type", LeadStageChanged.TYPE, "ce_source", "/leadflow/scoring", "content-type", "application/json",
                    "dead-letter-topic", Topics.LIFECYCLE, "dead-letter-reason", "the database did not answer"), JSON.valueToTree(change).toString());
            Map<String, Object> letter = awaitDeadLetter(deadLettered);

            // and the lead erased
            erase(change, Instant.now());
            await().atMost(WAIT).untilAsserted(() -> assertThat(row(handoffId).getString("email")).isNull());

            // When its old MQL record is replayed (a new id, as a replay or a re-publication writes it), and an admin
            // retries its dead letter, which goes back to the lifecycle topic
            StageChanges.send(change);
            given().header("Authorization", Tokens.ADMIN)
                    .post("/v1/ops/dead-letters/{topic}/{partition}/{offset}/retry", LIFECYCLE_DEAD_LETTERS, letter.get("partition"),
                            letter.get("offset"))
                    .then().statusCode(200).body("republishedTo", is(Topics.LIFECYCLE));
            // and then the same address becomes an MQL again after the erasure: a new lead (same key, so same partition,
            // consumed after both)
            LeadStageChanged comeback = StageChanges.toMql(change.email());
            String comebackId;
            try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
                String sent = StageChanges.send(comeback);
                comebackId = handoffs.awaitEvents(1, StageChanges.qualifiedBy(sent), WAIT).get(0).ceId();
            }

            // Then the only handoff under the lead's key is the new lead's: the old records recreated nothing
            assertThat(handoffsUnder(change.leadKey())).containsExactly(comebackId);
            assertThat(storedEventsOtherThan(change.leadKey(), comebackId)).isZero();
            // and no webhook delivery carried the erased lead's old handoff again (the comeback's, delivered asynchronously,
            // is awaited first: every delivery made before it has been sent by then)
            receiver.await(comebackId, 1, WAIT);
            assertThat(receiver.all()).noneMatch(request -> request.json().path("data").path("qualifyingEventId").asText().equals(deadLettered));
            assertThat(receiver.all().stream().filter(request -> HandoffCreated.TYPE.equals(request.json().path("type").asText())))
                    .extracting(WebhookReceiver.Received::handoffId).contains(comebackId).isSubsetOf(handoffId, comebackId);
        }
    }

    @Test
    void aPoisonErasureIsDeadLetteredWithTheReason() {
        String key = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = TopicProbe.tail(Topics.deadLetter(Topics.ERASURE))) {
            TestRecords.sendCloudEvent(Topics.ERASURE, key, UUID.randomUUID().toString(), LeadErased.TYPE, "{\"reason\": \"no key\"}");

            ReceivedEvent dead = deadLetters.awaitEvents(1, event -> key.equals(event.key()), WAIT).get(0);
            assertThat(dead.headers().get("dead-letter-reason")).contains("breaks its schema");
        }
    }

    private void erase(LeadStageChanged change, Instant at) {
        LeadErased erased = new LeadErased(change.leadId(), List.of(keyHash.of(change.leadKey()), keyHash.of("anon:a-" + UUID.randomUUID())),
                "dpo-7", "subject request", at);
        JsonNode data = JSON.valueToTree(erased);
        assertThat(EventSchemas.validate(LeadErased.TYPE, data)).as("test data follows the contract").isEmpty();
        TestRecords.sendCloudEvent(Topics.ERASURE, erased.leadId(), UUID.randomUUID().toString(), LeadErased.TYPE, data.toString());
    }

    private static List<WebhookReceiver.Received> erasureNotices(WebhookReceiver receiver) {
        return receiver.all().stream().filter(request -> "lead.erased".equals(request.json().path("type").asText())).toList();
    }

    private String subscribe(Map<String, Object> request) {
        String id = given().header("Authorization", Tokens.ADMIN).contentType("application/json").body(request)
                .when().post("/v1/webhooks")
                .then().statusCode(201)
                .extract().path("id");
        subscriptions.add(id);
        return id;
    }

    private static Map<String, Object> awaitDeadLetter(String ceId) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> given().header("Authorization", Tokens.ADMIN).queryParam("limit", 100).get("/v1/ops/dead-letters")
                        .then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("topics.find { it.topic == '" + LIFECYCLE_DEAD_LETTERS + "' }.latest")
                        .stream().filter(letter -> String.valueOf(letter.get("headers")).contains(ceId)).findFirst().orElse(null),
                        letter -> letter != null);
    }

    private Row row(String handoffId) {
        return pool.preparedQuery("select email, lead_key, status from handoff where id = $1")
                .execute(Tuple.of(UUID.fromString(handoffId))).await().atMost(WAIT).iterator().next();
    }

    private List<String> handoffsUnder(String leadKey) {
        List<String> ids = new ArrayList<>();
        pool.preparedQuery("select id from handoff where lead_key = $1").execute(Tuple.of(leadKey)).await().atMost(WAIT)
                .forEach(found -> ids.add(found.getUUID("id").toString()));
        return ids;
    }

    private long storedEvents(String leadKey) {
        return pool.preparedQuery("select count(*) from handoff_event where lead_key = $1")
                .execute(Tuple.of(leadKey)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    private long storedEventsOtherThan(String leadKey, String handoffId) {
        return pool.preparedQuery("select count(*) from handoff_event where lead_key = $1 and data::jsonb ->> 'handoffId' <> $2")
                .execute(Tuple.of(leadKey, handoffId)).await().atMost(WAIT).iterator().next().getLong(0);
    }
}
