package io.leadflow.scoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.events.EngagementType;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.TestModels;
import io.leadflow.scoring.TestLeads;
import io.leadflow.scoring.Tokens;
import io.leadflow.scoring.config.ScoringModelJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScoringModelResourceTest {

    @Test
    void theShippedDefaultIsStoredAsVersionOne() {
        given().header("Authorization", Tokens.ADMIN).when().get("/v1/scoring-model/versions")
                .then().statusCode(200)
                .body("find { it.version == 1 }.author", equalTo("leadflow"))
                .body("find { it.version == 1 }.changelog", startsWith("The default model"));
    }

    @Test
    void anInvalidModelIsAProblemNamingEachFieldAndChangesNothing() {
        // given
        int activeBefore = activeVersion();
        Map<String, Object> request = Map.of("changelog", "pricing matters more",
                "model", Map.of("engagementRules", List.of(Map.of("id", "x", "type", "page.viewed", "points", 0))));

        // when / then
        given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON).body(TestEngagements.json(request))
                .when().put("/v1/scoring-model")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("author", "model.engagementRules[0].points", "model.fit", "model.lifecycle"));
        assertThat(activeVersion()).isEqualTo(activeBefore);
    }

    @Test
    void textPostgresqlCannotStoreIsAProblemNamingTheFieldAndChangesNothing() {
        // given a valid model, published with a NUL character in its changelog (JSON's \\u0000; jsonb and text refuse it)
        int activeBefore = activeVersion();
        Map<String, Object> request = Map.of("author", "ops@example.com", "changelog", "pricing\u0000matters",
                "model", ScoringModelJson.defaultDocument());

        // when / then
        given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON).body(TestEngagements.json(request))
                .when().put("/v1/scoring-model")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItems("changelog"))
                .body("errors.find { it.field == 'changelog' }.message", containsString("NUL character"));
        assertThat(activeVersion()).isEqualTo(activeBefore);
    }

    @Test
    void aPublishedVersionBecomesActiveAndScoresTheNextEngagements() {
        // given a model where an email open is worth 50
        JsonNode defaults = ScoringModelJson.defaultDocument();
        ObjectNode generous = defaults.deepCopy();
        ((ObjectNode) generous.withArray("engagementRules").get(0)).put("points", 50);
        int before = activeVersion();

        try {
            // when it is published
            JsonPath published = given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON)
                    .body(TestEngagements.json(Map.of("author", "ops@example.com", "changelog", "opens are worth more", "model", generous)))
                    .when().put("/v1/scoring-model")
                    .then().statusCode(200).extract().jsonPath();

            // then it is the next version and the active one, the one before it is kept inactive
            int version = published.getInt("version");
            assertThat(version).isEqualTo(before + 1);
            given().header("Authorization", Tokens.ADMIN).when().get("/v1/scoring-model").then().statusCode(200)
                    .body("version", equalTo(version))
                    .body("author", equalTo("ops@example.com"))
                    .body("changelog", equalTo("opens are worth more"))
                    .body("model.engagementRules[0].points", equalTo(50));
            given().header("Authorization", Tokens.ADMIN).when().get("/v1/scoring-model/versions").then().statusCode(200)
                    .body("[0].version", equalTo(version))
                    .body("[0].active", equalTo(true))
                    .body("find { it.version == " + before + " }.active", equalTo(false));

            // and the next engagement is scored with it, the ledger saying which version gave the points
            String email = TestEngagements.uniqueEmail("opener");
            TestEngagements.send(TestEngagements.of(email, EngagementType.EMAIL_OPENED, Instant.parse("2026-11-22T09:00:00Z")));
            JsonPath lead = TestLeads.awaitScore(email, 50);
            assertThat(lead.getList("ledger.modelVersion", Integer.class)).containsExactly(version);
        } finally {
            // the other tests expect the default points
            TestModels.publishAndAwaitReplay(defaults, "back to the default");
        }
    }

    private static int activeVersion() {
        return given().header("Authorization", Tokens.ADMIN).when().get("/v1/scoring-model").then().statusCode(200).extract().path("version");
    }
}
