package io.leadflow.scoring.rest;

import static io.leadflow.scoring.TestEngagements.send;
import static io.leadflow.scoring.TestEngagements.uniqueEmail;
import static io.leadflow.scoring.TestModels.awaitReplay;
import static io.leadflow.scoring.TestModels.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.Topics;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.TestLeads;
import io.leadflow.scoring.TestModels;
import io.leadflow.scoring.Tokens;
import io.leadflow.scoring.config.ScoringModelJson;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScoringModelReplayTest {

    private static final Instant MORNING = Instant.parse("2026-11-22T09:00:00Z");
    private static final Map<String, Object> VP_IN_GB = Map.of("jobTitle", "VP Marketing", "country", "GB");

    @Test
    void aPreviewTellsWhatACandidateWouldDoAndPublishingItRescoresHistoryAsScoringItFreshWould() {
        // given a campaign page only this test's leads visit, and a candidate model that adds 30 points for it
        String campaign = "/campaign-" + UUID.randomUUID();
        JsonNode defaults = ScoringModelJson.defaultDocument();
        ObjectNode candidate = defaults.deepCopy();
        candidate.withArray("engagementRules").addObject().put("id", "campaign").put("type", "page.viewed").put("points", 30)
                .putObject("when").put("pathPattern", campaign + "*");
        // and a VP in GB (grade B) at 70 + 5 + 3 x 3 = 84, short of the MQL threshold of 100, and a visitor without traits at 10
        String ada = uniqueEmail("ada");
        List<Function<String, EngagementCaptured>> journey = List.of(
                email -> TestEngagements.with(email, EngagementType.DEMO_REQUESTED, MORNING, Map.of("formId", "demo-request")),
                email -> TestEngagements.pageView(email, "https://example.com" + campaign, MORNING.plusSeconds(60), VP_IN_GB),
                email -> TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(120)),
                email -> TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(180)),
                email -> TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(240)));
        journey.forEach(event -> send(event.apply(ada)));
        String grace = uniqueEmail("grace");
        send(TestEngagements.pageView(grace, "https://example.com" + campaign, MORNING, Map.of()));
        send(TestEngagements.pageView(grace, "https://example.com" + campaign + "/agenda", MORNING.plusSeconds(60), Map.of()));
        String adaId = TestLeads.awaitScore(ada, 84).getString("id");
        String graceId = TestLeads.awaitScore(grace, 10).getString("id");

        // when the candidate is previewed
        JsonPath preview = given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON).body(TestEngagements.json(candidate)).queryParam("top", 5)
                .when().post("/v1/scoring-model/preview")
                .then().statusCode(200).extract().jsonPath();

        // then only these two leads would change (every other lead's history scores as it stands), and Ada would qualify
        assertThat(preview.getInt("leads")).isGreaterThanOrEqualTo(2);
        assertThat(preview.getInt("scoreChanges")).isEqualTo(2);
        assertThat(preview.getInt("stageChanges")).isEqualTo(1);
        assertThat(preview.getMap("transitions")).containsExactly(Map.entry("LEAD->MQL", 1));
        assertThat(preview.getList("topMovers.leadId")).containsExactly(graceId, adaId);
        assertThat(preview.getList("topMovers.scoreBefore", Integer.class)).containsExactly(10, 84);
        assertThat(preview.getList("topMovers.scoreAfter", Integer.class)).containsExactly(70, 114);
        assertThat(preview.getList("topMovers.stageAfter")).containsExactly("LEAD", "MQL");
        // and nothing changed
        assertThat(TestLeads.awaitScore(ada, 84).getString("stage")).isEqualTo("LEAD");

        try (TopicProbe lifecycle = TopicProbe.tail(Topics.LIFECYCLE)) {
            // when it is published
            JsonPath published = publish(candidate, "campaign visits count");
            int version = published.getInt("version");
            JsonPath job = awaitReplay(published.getString("replay.id"));

            // then every lead was re-scored under it, these two changed, and Ada became an MQL, announced once
            assertThat(job.getInt("modelVersion")).isEqualTo(version);
            assertThat(job.getInt("done")).isEqualTo(job.getInt("total"));
            assertThat(job.getInt("changed")).isEqualTo(2);
            JsonPath replayed = TestLeads.awaitScore(ada, 114);
            assertThat(replayed.getString("stage")).isEqualTo("MQL");
            assertThat(replayed.getList("ledger.modelVersion", Integer.class)).containsOnly(version);
            assertThat(TestLeads.awaitScore(grace, 70).getString("stage")).isEqualTo("LEAD");
            // and the version it replaced can no longer be replayed: new engagements are scored with the active one
            given().header("Authorization", Tokens.ADMIN).when().post("/v1/scoring-model/versions/" + (version - 1) + "/replay").then().statusCode(409)
                    .contentType(startsWith("application/problem+json"));
            ReceivedEvent mql = lifecycle.awaitEvents(1, event -> ada.equals(event.key()), Duration.ofSeconds(30)).get(0);
            assertThat(mql.ceId()).isEqualTo(DeterministicIds.of(adaId, "MQL"));
            assertThat(EventSchemas.validate(LeadStageChanged.TYPE, mql.data())).isEmpty();
            assertThat(mql.data().get("causeEventId").asText()).isEqualTo(published.getString("replay.id"));

            // and a fresh lead fed the same events under the new version ends exactly where the replayed one is
            String fresh = uniqueEmail("fresh");
            journey.forEach(event -> send(event.apply(fresh)));
            JsonPath scoredFresh = TestLeads.awaitScore(fresh, 114);
            assertThat(scoredFresh.getString("stage")).isEqualTo(replayed.getString("stage"));
            assertThat(scoredFresh.getInt("fitScore")).isEqualTo(replayed.getInt("fitScore"));
            assertThat(scoredFresh.getString("scoredAsOf")).isEqualTo(replayed.getString("scoredAsOf"));
            for (String column : List.of("rule", "rawPoints", "points", "occurredAt", "modelVersion", "reason")) {
                assertThat(scoredFresh.getList("ledger." + column)).as(column).isEqualTo(replayed.getList("ledger." + column));
            }
        } finally {
            // the other tests expect the default model
            TestModels.publishAndAwaitReplay(defaults, "back to the default");
        }
    }

    @Test
    void unknownVersionsAndJobsAreNotFoundAndBadCandidatesAreNamed() {
        given().header("Authorization", Tokens.ADMIN).when().post("/v1/scoring-model/versions/9999/replay").then().statusCode(404);
        given().header("Authorization", Tokens.ADMIN).when().get("/v1/scoring-model/replays/" + UUID.randomUUID()).then().statusCode(404);

        ObjectNode broken = ScoringModelJson.defaultDocument().deepCopy();
        ((ObjectNode) broken.withArray("engagementRules").get(0)).put("points", 0);
        given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON).body(TestEngagements.json(broken))
                .when().post("/v1/scoring-model/preview")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("engagementRules[0].points"));
    }

    @Test
    void theActiveVersionCanBeReplayedAgain() {
        int active = given().header("Authorization", Tokens.ADMIN).when().get("/v1/scoring-model").then().statusCode(200).extract().path("version");

        String id = given().header("Authorization", Tokens.ADMIN).when().post("/v1/scoring-model/versions/" + active + "/replay")
                .then().statusCode(202)
                .header("Location", containsString("/v1/scoring-model/replays/"))
                .body("modelVersion", equalTo(active))
                .extract().path("id");

        // replaying the version every lead was scored with changes none of them
        assertThat(awaitReplay(id).getInt("changed")).isZero();
    }
}
