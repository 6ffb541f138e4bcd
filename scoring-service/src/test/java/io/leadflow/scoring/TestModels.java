package io.leadflow.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;

/** Publishes scoring model versions through the service's own API, and waits for the replays they start. */
public final class TestModels {

    private TestModels() {
    }

    /** Publishes the model and answers the published version, with its replay job. */
    public static JsonPath publish(JsonNode model, String changelog) {
        return given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON)
                .body(TestEngagements.json(Map.of("author", "ops@example.com", "changelog", changelog, "model", model)))
                .when().put("/v1/scoring-model")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Publishes the model and waits until every lead was re-scored under it. */
    public static JsonPath publishAndAwaitReplay(JsonNode model, String changelog) {
        JsonPath published = publish(model, changelog);
        awaitReplay(published.getString("replay.id"));
        return published;
    }

    /** Waits until the replay job ended, and answers it once it is done. */
    public static JsonPath awaitReplay(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"RUNNING".equals(given().header("Authorization", Tokens.ADMIN).when().get("/v1/scoring-model/replays/" + id).then().statusCode(200).extract().path("status")));
        JsonPath job = given().header("Authorization", Tokens.ADMIN).when().get("/v1/scoring-model/replays/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(job.getString("status")).isEqualTo("DONE");
        return job;
    }
}
