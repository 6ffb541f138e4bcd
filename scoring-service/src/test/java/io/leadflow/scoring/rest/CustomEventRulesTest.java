package io.leadflow.scoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.TestLeads;
import io.leadflow.scoring.TestModels;
import io.leadflow.scoring.Tokens;
import io.leadflow.scoring.config.ScoringModelJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules on custom engagements (issue 23): named by the event's name, with conditions on any property. */
@QuarkusTest
class CustomEventRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");
    private static final String CALCULATOR_RULE = """
            {"id": "big-calculator", "type": "custom", "event": "pricing calculator used", "points": 30,
             "when": {"properties": [{"property": "seats", "op": ">=", "value": 20}]}}""";

    @Test
    void aRuleOnACustomEventIsPreviewedOnTheStoredHistoryAndScoresOncePublished() throws Exception {
        // Given a lead who downloaded content and used the pricing calculator for 25 seats and for 5, and did something
        // else of the site's own naming for 50
        String email = TestEngagements.uniqueEmail("calculator");
        TestEngagements.send(TestEngagements.of(email, EngagementType.CONTENT_DOWNLOADED, AT));
        TestEngagements.send(custom(email, "Pricing Calculator Used", Map.of("seats", 25)));
        TestEngagements.send(custom(email, "Pricing Calculator Used", Map.of("seats", "5")));
        TestEngagements.send(custom(email, "Seat Picker Opened", Map.of("seats", 50)));
        String leadId = TestLeads.awaitScore(email, 10).getString("id");
        JsonNode defaults = ScoringModelJson.defaultDocument();
        ObjectNode candidate = defaults.deepCopy();
        candidate.withArray("engagementRules").add(JSON.readTree(CALCULATOR_RULE));

        // When a model with a rule on the calculator for 20 seats or more is previewed
        JsonPath preview = given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON)
                .body(TestEngagements.json(candidate)).queryParam("top", 100)
                .when().post("/v1/scoring-model/preview")
                .then().statusCode(200).extract().jsonPath();

        // Then the lead would gain its points once: only the 25-seat use matches
        List<Map<String, Object>> movers = preview.getList("topMovers");
        assertThat(movers).filteredOn(mover -> leadId.equals(mover.get("leadId")))
                .singleElement().satisfies(mover -> assertThat(mover).containsEntry("scoreBefore", 10).containsEntry("scoreAfter", 40));

        try {
            // and once it is published, the history is re-scored the same, explained by the event's name
            TestModels.publishAndAwaitReplay(candidate, "the pricing calculator shows intent");
            JsonPath lead = TestLeads.awaitScore(email, 40);
            assertThat(lead.getList("ledger.rule")).contains("big-calculator");
            assertThat(lead.getList("ledger.reason", String.class))
                    .anySatisfy(reason -> assertThat(reason).contains("Pricing Calculator Used with seats >= 20"));

            // and the next such engagement scores as it arrives
            TestEngagements.send(custom(email, "Pricing Calculator Used", Map.of("seats", 40)));
            TestLeads.awaitScore(email, 70);
        } finally {
            // the other tests expect the default points
            TestModels.publishAndAwaitReplay(defaults, "back to the default");
        }
    }

    @Test
    void aCustomRuleWithoutItsNameOrWithABadConditionIsAProblemNamingTheField() throws Exception {
        ObjectNode broken = ScoringModelJson.defaultDocument().deepCopy();
        int index = broken.withArray("engagementRules").size();
        broken.withArray("engagementRules").add(JSON.readTree("""
                {"id": "unnamed", "type": "custom", "points": 5}"""));
        broken.withArray("engagementRules").add(JSON.readTree("""
                {"id": "bad-op", "type": "custom", "event": "Seat Picker Opened", "points": 5,
                 "when": {"properties": [{"property": "seats", "op": "~", "value": 20}, {"property": "plan", "op": ">", "value": "pro"}]}}"""));

        given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON).body(TestEngagements.json(broken))
                .when().post("/v1/scoring-model/preview")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItems("engagementRules[" + index + "].event",
                        "engagementRules[" + (index + 1) + "].when.properties[0].op",
                        "engagementRules[" + (index + 1) + "].when.properties[1].value"));
    }

    private static EngagementCaptured custom(String email, String event, Map<String, Object> properties) {
        return new EngagementCaptured(email, EngagementType.CUSTOM, email, null, AT, "api", properties, Map.of(), false, null, event);
    }
}
