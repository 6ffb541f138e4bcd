package io.leadflow.scoring.rest;

import static io.leadflow.scoring.TestEngagements.send;
import static io.leadflow.scoring.TestEngagements.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.leadflow.events.EngagementType;
import io.leadflow.events.SalesAction;
import io.leadflow.events.SalesFeedback;
import io.leadflow.events.Topics;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.Tokens;
import io.leadflow.testsupport.TestRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A lead's lifecycle history, recorded from the real broker's engagements and sales feedback and read through the API, and
 * the funnel's conversion and time in stage drawn from it.
 */
@QuarkusTest
class LeadLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant MORNING = Instant.parse("2026-11-22T09:00:00Z");

    @Inject
    Pool pool;

    @Test
    void a_journey_to_sql_is_recorded_in_order_with_times_once_however_often_delivered_and_erased_with_the_lead() {
        JsonPath funnelBefore = funnel();
        // given a VP from GB who viewed pricing, requested a demo and started a trial: an MQL
        String email = uniqueEmail("journey");
        List<String> engagements = List.of(
                send(TestEngagements.pageView(email, "https://example.com/pricing", MORNING, Map.of("jobTitle", "VP Research", "country", "GB"))),
                send(TestEngagements.with(email, EngagementType.DEMO_REQUESTED, MORNING.plusSeconds(60), Map.of("formId", "demo-request"))),
                send(TestEngagements.of(email, EngagementType.TRIAL_STARTED, MORNING.plusSeconds(120))));
        String id = awaitStage(email, "MQL").getString("id");

        // when sales accepts it, the acceptance is delivered again, and sales then qualifies it
        String accepted = sendFeedback(id, email, SalesAction.ACCEPTED, null);
        awaitStage(email, "SAL");
        TestRecords.sendCloudEvent(Topics.SALES_FEEDBACK, email, accepted, SalesFeedback.TYPE,
                TestEngagements.json(feedback(id, email, SalesAction.ACCEPTED, null)));
        String qualified = sendFeedback(id, email, SalesAction.QUALIFIED, null);
        awaitStage(email, "SQL");

        // then its history holds each change once, in order, with its cause and the time spent in the stage it left
        JsonPath history = lifecycle(id).then().statusCode(200).body("leadId", is(id), "stage", is("SQL")).extract().jsonPath();
        assertThat(history.getList("changes.from", String.class)).containsExactly("LEAD", "MQL", "SAL");
        assertThat(history.getList("changes.to", String.class)).containsExactly("MQL", "SAL", "SQL");
        assertThat(history.getString("changes[0].causeEventId")).isIn(engagements);
        assertThat(history.getString("changes[0].reason")).isEqualTo("engagement");
        assertThat(history.getList("changes.causeEventId", String.class).subList(1, 3)).containsExactly(accepted, qualified);
        assertThat(history.getList("changes.reason", String.class).subList(1, 3)).containsExactly("sales accepted", "sales qualified");
        List<Instant> times = history.getList("changes.at", String.class).stream().map(Instant::parse).toList();
        Instant firstSeen = Instant.parse(history.getString("firstSeen"));
        assertThat(times).isSorted().allSatisfy(at -> assertThat(at).isAfterOrEqualTo(firstSeen));
        List<Long> inPrevious = history.getList("changes.secondsInPrevious", Long.class);
        assertThat(inPrevious).containsExactly(Duration.between(firstSeen, times.get(0)).toSeconds(),
                Duration.between(times.get(0), times.get(1)).toSeconds(), Duration.between(times.get(1), times.get(2)).toSeconds());

        // and the funnel counts its moves up: one more conversion from MQL to SAL and SAL to SQL, with their times
        JsonPath funnelAfter = funnel();
        for (String step : List.of("MQL", "SAL")) {
            String conversion = "total.conversions.find { it.from == '%s' }.converted".formatted(step);
            String moves = "total.timeInStage.find { it.stage == '%s' }.moves".formatted(step);
            assertThat(funnelAfter.getLong(conversion)).isGreaterThanOrEqualTo(funnelBefore.getLong(conversion) + 1);
            assertThat(funnelAfter.getLong(moves)).isGreaterThanOrEqualTo(funnelBefore.getLong(moves) + 1);
        }
        assertThat(funnelAfter.getLong("total.timeInStage.find { it.stage == 'MQL' }.medianSeconds")).isNotNull();

        // when an admin erases the lead, then its history is gone with it
        given().header("Authorization", Tokens.ADMIN).queryParam("reason", "subject request")
                .delete("/v1/leads/{id}", id).then().statusCode(204);
        lifecycle(id).then().statusCode(404);
        long rows = pool.preparedQuery("select count(*) from stage_change where lead_id = $1").execute(Tuple.of(UUID.fromString(id)))
                .await().atMost(WAIT).iterator().next().getLong(0);
        assertThat(rows).isZero();
    }

    @Test
    void a_malformed_or_unknown_id_is_refused_with_a_problem() {
        lifecycle("not-a-uuid").then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("id"));
        lifecycle(UUID.randomUUID().toString()).then().statusCode(404).contentType("application/problem+json");
    }

    private static JsonPath funnel() {
        return given().header("Authorization", Tokens.ADMIN).queryParam("weeks", 1).get("/v1/reports/funnel")
                .then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.Response lifecycle(String id) {
        return given().header("Authorization", Tokens.ADMIN).get("/v1/leads/{id}/lifecycle", id);
    }

    private static String sendFeedback(String leadId, String email, SalesAction action, String reason) {
        String ceId = UUID.randomUUID().toString();
        TestRecords.sendCloudEvent(Topics.SALES_FEEDBACK, email, ceId, SalesFeedback.TYPE, TestEngagements.json(feedback(leadId, email, action, reason)));
        return ceId;
    }

    private static SalesFeedback feedback(String leadId, String email, SalesAction action, String reason) {
        return new SalesFeedback(UUID.randomUUID().toString(), leadId, email, email, action, reason, "rep-1", Instant.now());
    }

    private static JsonPath awaitStage(String email, String stage) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(
                () -> given().header("Authorization", Tokens.ADMIN).queryParam("email", email).get("/v1/leads").then().extract().jsonPath(),
                lead -> stage.equals(lead.getString("stage")));
    }
}
