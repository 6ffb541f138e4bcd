package io.leadflow.scoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.SalesAction;
import io.leadflow.events.SalesFeedback;
import io.leadflow.events.Topics;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.scoring.TestBatches;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.domain.Engagement;
import io.leadflow.scoring.domain.calibration.SyntheticPopulation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calibrations over the real pipeline: a synthetic population whose drivers are known (webinars and the pricing page
 * drive conversion, email opens do not, bots' events never count) goes through the engagement topic, sales' verdicts
 * through the feedback topic, and a calibration over the window of those verdicts learns the drivers.
 */
@QuarkusTest
class CalibrationResourceTest {

    private static final String OPS = DevTokens.bearer("mo", "marketing-ops");
    private static final String REP = DevTokens.bearer("rep", "sales-rep");
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String ROWS_WRITTEN = "select ((select count(*) from lead) + (select coalesce(sum(version), 0) from lead)"
            + " + (select count(*) from score_entry) + (select count(*) from lead_event) + (select count(*) from stage_change)"
            + " + (select count(*) from scoring_model) + (select count(*) from replay_job))::bigint";

    @Inject
    Pool pool;

    @Test
    void aCalibrationLearnsTheDriversBeatsTheCurrentModelAndWritesNothing() {
        // given 260 leads through the pipeline, then sales' verdicts on them
        Instant windowFrom = Instant.now();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<SyntheticPopulation.Member> population = SyntheticPopulation.of(41, 260, windowFrom.minusSeconds(60), Duration.ZERO);
        List<TestBatches.TestRecord> engagements = new ArrayList<>();
        population.forEach(member -> member.engagements().forEach(engagement ->
                engagements.add(TestBatches.TestRecord.engagement(UUID.randomUUID().toString(), captured(emailOf(member, run), engagement)))));
        TestBatches.send(engagements);
        Map<String, String> leadIds = awaitHistories(population, run, engagements.size());
        TestBatches.send(Topics.SALES_FEEDBACK, population.stream().map(member -> verdict(leadIds.get(emailOf(member, run)),
                emailOf(member, run), member.converted())).toList());
        awaitVerdicts(leadIds, population.size());
        long rowsBefore = rowsWritten();

        // when
        var started = given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("from", windowFrom.toString(), "to", Instant.now().plusSeconds(1).toString()))
                .when().post("/v1/scoring-model/calibrations")
                .then().statusCode(202).header("Location", containsString("/v1/scoring-model/calibrations/"))
                .body("total", equalTo(260)).extract();
        JsonPath done = awaitDone(started.header("Location"));

        // then the drivers rank above email opens, which add nothing, and the suggestion ranks converters better
        assertThat(points(done, "webinar-attended")).isGreaterThan(points(done, "email-opened"));
        assertThat(points(done, "pricing-page")).isGreaterThan(points(done, "email-opened"));
        assertThat(done.getString("result.rules.find { it.ruleId == 'email-opened' }.status")).isEqualTo("ADDS_NOTHING");
        assertThat(done.getDouble("result.suggested.auc")).isGreaterThan(done.getDouble("result.current.auc"));
        assertThat(done.getInt("result.counts.trainConverted") + done.getInt("result.counts.trainNotConverted")
                + done.getInt("result.counts.testConverted") + done.getInt("result.counts.testNotConverted")).isEqualTo(260);
        assertThat(done.getList("result.current.calibration")).isNotEmpty();
        assertThat(rowsWritten()).isEqualTo(rowsBefore);

        // and the suggested document goes to the what-if preview as it is (followed to its end: one preview runs at a time)
        String preview = given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(TestEngagements.json(done.getMap("result.suggestedModel")))
                .when().post("/v1/scoring-model/previews")
                .then().statusCode(202).extract().header("Location");
        assertThat(awaitDone(preview).getString("status")).isEqualTo("DONE");
    }

    @Test
    void aWindowWithTooFewOutcomesIsRefusedSayingHowManyThereAre() {
        given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("from", "2001-01-01T00:00:00Z", "to", "2001-02-01T00:00:00Z"))
                .when().post("/v1/scoring-model/calibrations")
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("0 outcomes"))
                .body("detail", containsString("at least 20"));
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsAProblemNamingTheField() {
        given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"))
                .when().post("/v1/scoring-model/calibrations")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("to"));
    }

    @Test
    void onlyMarketingOpsAndAdminsCalibrate() {
        Map<String, String> window = Map.of("from", "2001-01-01T00:00:00Z", "to", "2001-02-01T00:00:00Z");
        given().header("Authorization", REP).contentType(ContentType.JSON).body(window)
                .when().post("/v1/scoring-model/calibrations").then().statusCode(403);
        given().contentType(ContentType.JSON).body(window)
                .when().post("/v1/scoring-model/calibrations").then().statusCode(401);
        given().header("Authorization", REP).when().get("/v1/scoring-model/calibrations/" + UUID.randomUUID()).then().statusCode(403);
        given().header("Authorization", OPS).when().get("/v1/scoring-model/calibrations/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static String emailOf(SyntheticPopulation.Member member, String run) {
        return member.email().replace("@", "-" + run + "@");
    }

    private static EngagementCaptured captured(String email, Engagement engagement) {
        return new EngagementCaptured(email, engagement.type(), email, null, engagement.occurredAt(), "api", engagement.properties(),
                engagement.traits(), engagement.bot(), engagement.bot() ? "headless browser" : null);
    }

    private static TestBatches.TestRecord verdict(String leadId, String email, boolean converted) {
        SalesFeedback feedback = new SalesFeedback(UUID.randomUUID().toString(), leadId, email, email,
                converted ? SalesAction.ACCEPTED : SalesAction.REJECTED, converted ? null : "no-budget", "rep-1", Instant.now());
        return new TestBatches.TestRecord(email, UUID.randomUUID().toString(), SalesFeedback.TYPE, TestEngagements.json(feedback));
    }

    /** Waits until every event is in its lead's stored history; answers the leads' ids by email. */
    private Map<String, String> awaitHistories(List<SyntheticPopulation.Member> population, String run, int events) {
        String[] emails = population.stream().map(member -> emailOf(member, run)).toArray(String[]::new);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> pool.preparedQuery(
                        "select count(*) from lead_event e join lead l on l.id = e.lead_id where l.email = any($1)")
                .execute(Tuple.of(emails)).await().atMost(WAIT).iterator().next().getLong(0) == events);
        Map<String, String> ids = new HashMap<>();
        for (Row row : pool.preparedQuery("select id, email from lead where email = any($1)").execute(Tuple.of(emails)).await().atMost(WAIT)) {
            ids.put(row.getString("email"), row.getUUID("id").toString());
        }
        return ids;
    }

    private void awaitVerdicts(Map<String, String> leadIds, int verdicts) {
        UUID[] ids = leadIds.values().stream().map(UUID::fromString).toArray(UUID[]::new);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> pool.preparedQuery(
                        "select count(*) from stage_change where lead_id = any($1) and to_stage in ('SAL', 'DISQUALIFIED')")
                .execute(Tuple.of(ids)).await().atMost(WAIT).iterator().next().getLong(0) == verdicts);
    }

    private long rowsWritten() {
        return pool.query(ROWS_WRITTEN).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }

    private static JsonPath awaitDone(String location) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(
                () -> given().header("Authorization", OPS).get(location).then().statusCode(200).extract().jsonPath(),
                job -> !"RUNNING".equals(job.getString("status")));
    }

    private static int points(JsonPath job, String ruleId) {
        assertThat(job.getString("status")).as(job.getString("error")).isEqualTo("DONE");
        return job.getInt("result.rules.find { it.ruleId == '" + ruleId + "' }.suggestedPoints");
    }
}
