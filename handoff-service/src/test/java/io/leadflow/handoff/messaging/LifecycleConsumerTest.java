package io.leadflow.handoff.messaging;

import static io.leadflow.handoff.messaging.StageChanges.aboutLead;
import static io.leadflow.handoff.messaging.StageChanges.qualifiedBy;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.LifecycleStage;
import io.leadflow.events.Topics;
import io.leadflow.handoff.Tokens;
import io.leadflow.handoff.config.HandoffConfig;
import io.leadflow.testsupport.KafkaTestResource;
import io.leadflow.testsupport.PostgresTestResource;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TestRecords;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "handoff_test"),
        @ResourceArg(name = "schema", value = "handoff")})
class LifecycleConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    HandoffConfig config;

    @Inject
    Pool pool;

    @Test
    void anMqlChangeMakesOneHandoffEventThatFollowsTheContract() {
        // Given a lead that scoring-service has just made an MQL
        LeadStageChanged change = StageChanges.toMql(StageChanges.newLeadEmail());
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {

            // When the stage change arrives
            String ceId = StageChanges.send(change);

            // Then one handoff event is published, keyed by the lead, its CloudEvent id the handoff id
            ReceivedEvent event = handoffs.awaitEvents(1, aboutLead(change), WAIT).get(0);
            String handoffId = DeterministicIds.of("handoff", ceId);
            assertThat(event.ceType()).isEqualTo(HandoffCreated.TYPE);
            assertThat(event.ceId()).isEqualTo(handoffId);
            assertThat(event.headers()).containsEntry("ce_source", "/leadflow/handoff-service");
            assertThat(event.key()).isEqualTo(change.leadKey());
            assertThat(EventSchemas.validate(HandoffCreated.TYPE, event.data())).isEmpty();

            JsonNode data = event.data();
            assertThat(data.get("handoffId").asText()).isEqualTo(handoffId);
            assertThat(data.get("leadId").asText()).isEqualTo(change.leadId());
            assertThat(data.get("score").asInt()).isEqualTo(72);
            assertThat(data.get("assignee").asText()).isIn(config.reps());
            assertThat(data.get("ruleMatched").asText()).isEqualTo("default-round-robin");
            assertThat(data.get("qualifyingEventId").asText()).isEqualTo(ceId);
            assertThat(data.get("topContributions")).hasSize(2);
            assertThat(data.get("topContributions").get(0).get("eventId").asText())
                    .isEqualTo(change.topContributions().get(0).eventId());
            assertThat(Duration.between(Instant.parse(data.get("createdAt").asText()), Instant.parse(data.get("slaDueAt").asText())))
                    .isEqualTo(Duration.ofHours(4));

            // and the API lists it, whatever the case of the email asked for
            given().header("Authorization", Tokens.ADMIN).queryParam("email", change.email().toUpperCase())
                    .when().get("/v1/handoffs")
                    .then().statusCode(200)
                    .body("$", hasSize(1))
                    .body("[0].id", is(handoffId))
                    .body("[0].leadId", is(change.leadId()))
                    .body("[0].email", is(change.email()))
                    .body("[0].assignee", is(data.get("assignee").asText()))
                    .body("[0].ruleMatched", is("default-round-robin"))
                    .body("[0].status", is("OFFERED"))
                    .body("[0].slaDueAt", is(data.get("slaDueAt").asText()))
                    .body("[0].createdAt", is(data.get("createdAt").asText()))
                    .body("[0].topContributions[1].type", is("page.viewed"));
        }
    }

    @Test
    void aRedeliveredStageChangeMakesNoSecondHandoff() {
        // Given a lead whose MQL stage change was handed off
        LeadStageChanged change = StageChanges.toMql(StageChanges.newLeadEmail());
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            String ceId = StageChanges.send(change);
            String owner = handoffs.awaitEvents(1, aboutLead(change), WAIT).get(0).data().get("assignee").asText();
            long cursorBefore = storedCursor();

            // When the same stage change is delivered again, and then the lead re-qualifies after
            // being recycled (same key, same partition: processed after the redelivery)
            StageChanges.send(ceId, change);
            LeadStageChanged requalified = StageChanges.change(change.email(), LifecycleStage.RECYCLED, LifecycleStage.MQL);
            String requalifiedId = StageChanges.send(requalified);
            ReceivedEvent again = handoffs.awaitEvents(1, qualifiedBy(requalifiedId), WAIT).get(0);

            // Then each qualification made exactly one handoff
            assertThat(handoffs.collectFor(Duration.ZERO).stream().filter(aboutLead(change)))
                    .extracting(event -> event.data().get("qualifyingEventId").asText())
                    .containsExactly(ceId, requalifiedId);
            // and the re-qualified lead went back to its owner, so neither took a turn of the queue
            assertThat(again.data().get("assignee").asText()).isEqualTo(owner);
            assertThat(again.data().get("ruleMatched").asText()).isEqualTo("existing-owner");
            assertThat(storedCursor()).as("neither took a turn").isEqualTo(cursorBefore);
            given().header("Authorization", Tokens.ADMIN).queryParam("email", change.email())
                    .when().get("/v1/handoffs")
                    .then().statusCode(200)
                    .body("id", containsInAnyOrder(
                            DeterministicIds.of("handoff", ceId), DeterministicIds.of("handoff", requalifiedId)));
        }
    }

    @Test
    void aLeadSalesRecycledThatBecomesAnMqlAgainGetsANewHandoffOnlyOnce() {
        // Given a lead handed off, then recycled by its rep (scoring is told)
        LeadStageChanged change = StageChanges.toMql(StageChanges.newLeadEmail());
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS);
                TopicProbe feedback = TopicProbe.tail(Topics.SALES_FEEDBACK)) {
            String firstChange = StageChanges.send(change);
            String first = handoffs.awaitEvents(1, qualifiedBy(firstChange), WAIT).get(0).ceId();
            given().header("Authorization", Tokens.ADMIN).contentType("application/json").body("{\"reasonCode\": \"not-now\"}")
                    .when().post("/v1/handoffs/" + first + "/recycle")
                    .then().statusCode(200).body("status", is("RECYCLED"));
            feedback.awaitEvents(1, event -> first.equals(event.data().path("handoffId").asText())
                    && "recycled".equals(event.data().path("action").asText()), WAIT);

            // When scoring makes the lead an MQL again, and that stage change is delivered twice
            LeadStageChanged again = StageChanges.change(change.email(), LifecycleStage.RECYCLED, LifecycleStage.MQL);
            String againChange = StageChanges.send(again);
            StageChanges.send(againChange, again);

            // Then the new qualification makes one new handoff, offered afresh
            ReceivedEvent second = handoffs.awaitEvents(1, qualifiedBy(againChange), WAIT).get(0);
            assertThat(second.ceId()).isEqualTo(DeterministicIds.of("handoff", againChange)).isNotEqualTo(first);
            assertThat(second.key()).isEqualTo(change.leadKey());
            assertThat(handoffs.collectFor(Duration.ofSeconds(3)).stream().filter(qualifiedBy(againChange))).hasSize(1);
            // and the lead has both: the new one offered, the recycled one as it was
            given().header("Authorization", Tokens.ADMIN).queryParam("email", change.email())
                    .when().get("/v1/handoffs")
                    .then().statusCode(200)
                    .body("id", contains(second.ceId(), first))
                    .body("status", contains("OFFERED", "RECYCLED"));
        }
    }

    @Test
    void newMqlsAreDealtToTheRepsInTurn() {
        // Given three new MQLs, each arriving after the one before was handed off
        List<String> assignees = new ArrayList<>();
        long cursorBefore = storedCursor();
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            for (int i = 0; i < 3; i++) {
                LeadStageChanged change = StageChanges.toMql(StageChanges.newLeadEmail());

                // When each is handed off
                StageChanges.send(change);
                assignees.add(handoffs.awaitEvents(1, aboutLead(change), WAIT).get(0).data().get("assignee").asText());
            }
        }

        // Then they go to three different reps, in the configured order from wherever the turn stood
        List<String> reps = config.reps();
        int first = reps.indexOf(assignees.get(0));
        assertThat(first).isNotNegative();
        assertThat(assignees).doesNotHaveDuplicates().containsExactly(
                reps.get(first), reps.get((first + 1) % reps.size()), reps.get((first + 2) % reps.size()));
        // and the turn is kept in the database, where a restarted instance goes on from
        assertThat(storedCursor()).isEqualTo(cursorBefore + 3);
    }

    @Test
    void aStageChangeOtherThanToMqlMakesNoHandoff() {
        // Given a lead that becomes a LEAD first (and only later an MQL, to show the first was passed)
        String email = StageChanges.newLeadEmail();
        LeadStageChanged becameLead = StageChanges.change(email, LifecycleStage.SUBSCRIBER, LifecycleStage.LEAD);
        LeadStageChanged becameMql = StageChanges.toMql(email);
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {

            // When both stage changes arrive, in order
            StageChanges.send(becameLead);
            String mqlId = StageChanges.send(becameMql);
            handoffs.awaitEvents(1, qualifiedBy(mqlId), WAIT);

            // Then only the change to MQL made a handoff
            assertThat(handoffs.collectFor(Duration.ZERO).stream().filter(aboutLead(becameMql)))
                    .extracting(event -> event.data().get("qualifyingEventId").asText())
                    .containsExactly(mqlId);
            given().header("Authorization", Tokens.ADMIN).queryParam("email", email)
                    .when().get("/v1/handoffs")
                    .then().statusCode(200)
                    .body("$", hasSize(1));
        }
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheNextRecordIsStillProcessed() {
        // Given two records that can never be processed, then a valid stage change of the same lead
        LeadStageChanged change = StageChanges.toMql(StageChanges.newLeadEmail());
        try (TopicProbe deadLetters = TopicProbe.tail(Topics.deadLetter(Topics.LIFECYCLE));
                TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {

            // When they arrive: one is not a CloudEvent, one breaks the stage-change schema
            TestRecords.send(Topics.LIFECYCLE, change.leadKey(), Map.of(), "not json");
            TestRecords.sendCloudEvent(Topics.LIFECYCLE, change.leadKey(), UUID.randomUUID().toString(),
                    LeadStageChanged.TYPE, "{\"leadKey\": \"" + change.leadKey() + "\", \"to\": \"MQL\"}");
            String ceId = StageChanges.send(change);

            // Then both poison records land on the dead-letter topic with the reason
            List<ReceivedEvent> dead = deadLetters.awaitEvents(2, event -> change.leadKey().equals(event.key()), WAIT);
            assertThat(dead).extracting(event -> event.headers().get("dead-letter-reason"))
                    .satisfiesExactly(
                            reason -> assertThat(reason).contains("not a CloudEvent"),
                            reason -> assertThat(reason).contains("breaks its schema"));

            // and the partition kept flowing: the valid change made its handoff
            handoffs.awaitEvents(1, qualifiedBy(ceId), WAIT);
        }
    }

    /** How many leads the default queue has dealt, as stored (zero before the first). */
    private long storedCursor() {
        var rows = pool.preparedQuery("select position from routing_cursor where queue = 'default'")
                .execute().await().atMost(WAIT);
        return rows.size() == 0 ? 0 : rows.iterator().next().getLong("position");
    }
}
