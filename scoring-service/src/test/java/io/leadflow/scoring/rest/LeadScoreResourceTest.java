package io.leadflow.scoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.TestLeads;
import io.leadflow.scoring.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadScoreResourceTest {

    @Test
    void theScoreAsOfNowIsExplainedByEntriesThatAddUpToIt() {
        // given a lead whose engagements are a month old
        String email = TestEngagements.uniqueEmail("ada");
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        String opened = TestEngagements.send(TestEngagements.of(email, EngagementType.EMAIL_OPENED, monthAgo));
        String pricing = TestEngagements.send(TestEngagements.pageView(email, "https://example.com/pricing", monthAgo.plusSeconds(60),
                Map.of("jobTitle", "VP Engineering", "country", "GB")));
        String id = TestLeads.awaitScore(email, 23).getString("id");

        // when
        JsonPath score = given().header("Authorization", Tokens.ADMIN).when().get("/v1/leads/" + id + "/score").then().statusCode(200).extract().jsonPath();

        // then the points have faded (opens: 14-day half-life, views: 30 days) and the entries add up to the score exactly
        assertThat(score.getString("leadId")).isEqualTo(id);
        assertThat(score.getInt("fitScore")).isEqualTo(45);
        assertThat(score.getString("grade")).isEqualTo("B");
        assertThat(score.getString("stage")).isEqualTo("LEAD");
        assertThat(score.getList("entries.eventId")).containsExactly(opened, pricing, pricing);
        assertThat(score.getList("entries.rule")).containsExactly("email-opened", "page-viewed", "pricing-page");
        assertThat(score.getList("entries.rawPoints", Integer.class)).containsExactly(3, 5, 15);
        List<Integer> decayed = score.getList("entries.decayedPoints", Integer.class);
        assertThat(decayed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(score.getInt("engagementScore"));
        assertThat(score.getInt("engagementScore")).isBetween(10, 12);
        assertThat(score.getList("entries.modelVersion", Integer.class)).doesNotContainNull();
        assertThat(score.getList("entries.occurredAt")).hasSize(3);
    }

    @Test
    void anUnknownLeadIsNotFound() {
        given().header("Authorization", Tokens.ADMIN).when().get("/v1/leads/" + UUID.randomUUID() + "/score")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void anIdThatIsNoUuidIsAProblemNamingTheField() {
        given().header("Authorization", Tokens.ADMIN).when().get("/v1/leads/not-a-uuid/score")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }
}
