package io.leadflow.handoff.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.HandoffStatusChanged;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The live stream read by a real HTTP client while handoffs are made and acted on. */
@QuarkusTest
class HandoffStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/v1/handoffs/stream")
    URI stream;

    @Test
    void aQueueStreamShowsEachNewHandoffAndARepStreamTheRepsActions() {
        // Given a screen following the default queue
        try (SseClient queue = new SseClient(URI.create(stream + "?queue=default")).awaitOpen(WAIT)) {
            assertThat(queue.contentType()).startsWith("text/event-stream");

            // When a lead is handed off
            String handoffId = Handoffs.create();

            // Then the screen gets it as it happens: named by type, with the event id and the event's data
            SseClient.Event created = queue.await(event -> handoffId.equals(event.id()), WAIT);
            assertThat(created.name()).isEqualTo(HandoffCreated.TYPE);
            JsonNode data = Json.read(created.data());
            assertThat(data.get("handoffId").asText()).isEqualTo(handoffId);
            assertThat(EventSchemas.validate(HandoffCreated.TYPE, data)).isEmpty();

            // And given the assignee's own screen, when they accept the lead, then it shows there
            String assignee = data.get("assignee").asText();
            try (SseClient rep = new SseClient(URI.create(stream + "?rep=" + assignee)).awaitOpen(WAIT)) {
                given().contentType("application/json").when().post("/v1/handoffs/" + handoffId + "/accept").then().statusCode(200);

                SseClient.Event accepted = rep.await(event -> HandoffStatusChanged.TYPE.equals(event.name())
                        && handoffId.equals(Json.read(event.data()).path("handoffId").asText()), WAIT);
                assertThat(Json.read(accepted.data()).get("status").asText()).isEqualTo("accepted");
                assertThat(EventSchemas.validate(HandoffStatusChanged.TYPE, Json.read(accepted.data()))).isEmpty();
            }
        }
    }

    @Test
    void aStreamOfNobodyIsRefusedNamingTheParameter() {
        given().accept("text/event-stream").when().get("/v1/handoffs/stream")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("rep"));
    }
}
