package io.leadflow.scoring.messaging;

import static io.leadflow.scoring.TestEngagements.send;
import static io.leadflow.scoring.TestEngagements.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.events.DeterministicIds;
import io.leadflow.events.EngagementType;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.SalesAction;
import io.leadflow.events.SalesFeedback;
import io.leadflow.events.Topics;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.Tokens;
import io.leadflow.testsupport.TestRecords;
import io.leadflow.testsupport.TopicProbe;
import io.leadflow.testsupport.ReceivedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SalesFeedbackTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant MORNING = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void salesMovesTheLeadAndARecycledLeadCanQualifyAgain() {
        try (TopicProbe lifecycle = TopicProbe.tail(Topics.LIFECYCLE)) {
            // given an MQL: a VP from GB who viewed pricing (20), requested a demo through the form (70) and started a trial (30)
            String email = uniqueEmail("lin");
            String id = qualify(email, MORNING);
            ReceivedEvent firstMql = lifecycle.awaitEvents(1, event -> email.equals(event.key()), WAIT).get(0);
            assertThat(firstMql.ceId()).isEqualTo(DeterministicIds.of(id, "MQL"));

            // when sales accepts it
            String accepted = sendFeedback(id, email, SalesAction.ACCEPTED, null);

            // then it is a SAL, announced under an id derived from the feedback
            awaitStage(email, "SAL");
            ReceivedEvent sal = lifecycle.awaitEvents(1, event -> DeterministicIds.of(accepted, "stage").equals(event.ceId()), WAIT).get(0);
            assertThat(sal.ceType()).isEqualTo(LeadStageChanged.TYPE);
            assertThat(EventSchemas.validate(LeadStageChanged.TYPE, sal.data())).isEmpty();
            assertThat(sal.data().get("from").asText()).isEqualTo("MQL");
            assertThat(sal.data().get("to").asText()).isEqualTo("SAL");
            assertThat(sal.data().get("causeEventId").asText()).isEqualTo(accepted);

            // when sales recycles it (the default policy resets the score)
            String recycled = sendFeedback(id, email, SalesAction.RECYCLED, "not-now");

            // then it is RECYCLED with a score of 0, its ledger kept but worth nothing
            JsonPath lead = awaitStage(email, "RECYCLED");
            assertThat(lead.getInt("score")).isZero();
            assertThat(lead.getList("ledger.points", Integer.class)).containsOnly(0);
            lifecycle.awaitEvents(1, event -> DeterministicIds.of(recycled, "stage").equals(event.ceId()), WAIT);

            // when it engages enough again
            qualify(email, MORNING.plus(Duration.ofDays(1)));

            // then it is an MQL again, announced under a new id
            awaitStage(email, "MQL");
            ReceivedEvent secondMql = lifecycle.awaitEvents(1, event -> DeterministicIds.of(id, "MQL", "2").equals(event.ceId()), WAIT)
                    .get(0);
            assertThat(secondMql.data().get("from").asText()).isEqualTo("RECYCLED");
            assertThat(secondMql.ceId()).isNotEqualTo(firstMql.ceId());
        }
    }

    private static String qualify(String email, Instant at) {
        send(TestEngagements.pageView(email, "https://example.com/pricing", at, Map.of("jobTitle", "VP Research", "country", "GB")));
        send(TestEngagements.with(email, EngagementType.DEMO_REQUESTED, at.plusSeconds(60), Map.of("formId", "demo-request")));
        send(TestEngagements.of(email, EngagementType.TRIAL_STARTED, at.plusSeconds(120)));
        return awaitStage(email, "MQL").getString("id");
    }

    private static String sendFeedback(String leadId, String email, SalesAction action, String reason) {
        String ceId = UUID.randomUUID().toString();
        SalesFeedback feedback = new SalesFeedback(UUID.randomUUID().toString(), leadId, email, email, action, reason, "rep-1",
                Instant.now());
        TestRecords.sendCloudEvent(Topics.SALES_FEEDBACK, email, ceId, SalesFeedback.TYPE, TestEngagements.json(feedback));
        return ceId;
    }

    private static JsonPath awaitStage(String email, String stage) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(
                () -> RestAssured.given().header("Authorization", Tokens.ADMIN).queryParam("email", email).get("/v1/leads").then().extract().jsonPath(),
                lead -> stage.equals(lead.getString("stage")));
    }
}
