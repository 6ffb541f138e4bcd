package io.leadflow.handoff.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadflow.events.EventSchemas;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A lead erased on request leaves no email or lead key in its handoffs, and no published event behind. */
@QuarkusTest
class ErasureConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Inject
    Pool pool;

    @Test
    void anErasedLeadsHandoffsAreAnonymizedAndItsStoredEventsDeleted() {
        // Given a lead with a handoff, and another lead's handoff
        LeadStageChanged change = StageChanges.toMql(StageChanges.newLeadEmail());
        String handoffId = Handoffs.create(change).ceId();
        String otherId = Handoffs.create();
        assertThat(storedEvents(change.leadKey())).isPositive();

        // When scoring-service announces the lead's erasure
        send(new LeadErased(change.leadKey(), List.of("a-" + UUID.randomUUID()), "dpo@example.com", "subject request", Instant.now()));

        // Then the handoff keeps its routing and status but neither email nor lead key
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(handoffId).getString("email")).isNull());
        Row erased = row(handoffId);
        assertThat(erased.getString("lead_key")).startsWith("erased:").doesNotContain(change.leadKey());
        assertThat(erased.getString("status")).isEqualTo("OFFERED");
        given().header("Authorization", Tokens.ADMIN).queryParam("email", change.email()).when().get("/v1/handoffs").then().statusCode(200).body("$", empty());
        assertThat(storedEvents(change.leadKey())).isZero();

        // and the other lead is untouched
        assertThat(row(otherId).getString("email")).isNotNull();
    }

    @Test
    void aPoisonErasureIsDeadLetteredWithTheReason() {
        String key = "poison-" + UUID.randomUUID() + "@example.com";
        try (TopicProbe deadLetters = TopicProbe.tail(Topics.deadLetter(Topics.ERASURE))) {
            TestRecords.sendCloudEvent(Topics.ERASURE, key, UUID.randomUUID().toString(), LeadErased.TYPE, "{\"reason\": \"no key\"}");

            ReceivedEvent dead = deadLetters.awaitEvents(1, event -> key.equals(event.key()), WAIT).get(0);
            assertThat(dead.headers().get("dead-letter-reason")).contains("breaks its schema");
        }
    }

    private static void send(LeadErased erased) {
        JsonNode data = JSON.valueToTree(erased);
        assertThat(EventSchemas.validate(LeadErased.TYPE, data)).as("test data follows the contract").isEmpty();
        TestRecords.sendCloudEvent(Topics.ERASURE, erased.leadKey(), UUID.randomUUID().toString(), LeadErased.TYPE, data.toString());
    }

    private Row row(String handoffId) {
        return pool.preparedQuery("select email, lead_key, status from handoff where id = $1")
                .execute(Tuple.of(UUID.fromString(handoffId))).await().atMost(WAIT).iterator().next();
    }

    private long storedEvents(String leadKey) {
        return pool.preparedQuery("select count(*) from handoff_event where lead_key = $1")
                .execute(Tuple.of(leadKey)).await().atMost(WAIT).iterator().next().getLong(0);
    }
}
