package io.leadflow.handoff.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.leadflow.events.CloudEventSources;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffStatusChanged;
import io.leadflow.events.SalesFeedback;
import io.leadflow.events.Topics;
import io.leadflow.handoff.Tokens;
import io.leadflow.handoff.messaging.Handoffs;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Sales actions over HTTP: each changes the handoff, announces it and tells scoring, through the outbox. */
@QuarkusTest
class HandoffActionResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void acceptingThenQualifyingAnnouncesEachChangeAndTellsScoring() {
        // Given a handoff offered to a rep
        String id = Handoffs.create();
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS);
                TopicProbe feedback = TopicProbe.tail(Topics.SALES_FEEDBACK)) {

            // When the rep accepts it, then qualifies it
            given().header("Authorization", Tokens.ADMIN).contentType("application/json").body("{\"actor\": \"ana\"}")
                    .when().post("/v1/handoffs/" + id + "/accept")
                    .then().statusCode(200)
                    .body("status", is("ACCEPTED"))
                    .body("firstActionAt", notNullValue())
                    .body("timeToFirstAction", notNullValue());
            given().header("Authorization", Tokens.ADMIN).contentType("application/json")
                    .when().post("/v1/handoffs/" + id + "/qualify")
                    .then().statusCode(200)
                    .body("status", is("QUALIFIED"));

            // Then each change is on the handoffs topic, following the contract
            List<ReceivedEvent> changes = handoffs.awaitEvents(2, about(id, HandoffStatusChanged.TYPE), WAIT);
            assertThat(changes).extracting(event -> event.data().get("status").asText()).containsExactly("accepted", "qualified");
            assertThat(changes.get(0).data().get("actor").asText()).isEqualTo("ana");
            assertThat(changes).allSatisfy(event -> {
                assertThat(EventSchemas.validate(HandoffStatusChanged.TYPE, event.data())).isEmpty();
                assertThat(event.headers()).containsEntry("ce_source", CloudEventSources.HANDOFF);
            });

            // and scoring hears of both, as sales feedback that follows the contract
            List<ReceivedEvent> told = feedback.awaitEvents(2, about(id, SalesFeedback.TYPE), WAIT);
            assertThat(told).extracting(event -> event.data().get("action").asText()).containsExactly("accepted", "qualified");
            assertThat(told).allSatisfy(event -> assertThat(EventSchemas.validate(SalesFeedback.TYPE, event.data())).isEmpty());
            assertThat(told.get(0).key()).isEqualTo(changes.get(0).key());

            // and this service's own feedback, read back from the topic, changed nothing more
            assertThat(handoffs.collectFor(Duration.ofSeconds(2)).stream().filter(about(id, HandoffStatusChanged.TYPE))).hasSize(2);
        }
    }

    @Test
    void rejectingAndRecyclingAnnounceTheChangeWithItsReasonAndTellScoring() {
        // Given two handoffs offered to reps
        String rejected = Handoffs.create();
        String recycled = Handoffs.create();
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS);
                TopicProbe feedback = TopicProbe.tail(Topics.SALES_FEEDBACK)) {

            // When a rep rejects one for lack of budget, and another is sent back to nurture
            given().header("Authorization", Tokens.ADMIN).contentType("application/json").body("{\"reasonCode\": \"no-budget\", \"actor\": \"ana\"}")
                    .when().post("/v1/handoffs/" + rejected + "/reject")
                    .then().statusCode(200).body("status", is("REJECTED")).body("reasonCode", is("no-budget"));
            given().header("Authorization", Tokens.ADMIN).contentType("application/json").body("{\"reasonCode\": \"not-now\"}")
                    .when().post("/v1/handoffs/" + recycled + "/recycle")
                    .then().statusCode(200).body("status", is("RECYCLED")).body("reasonCode", is("not-now"));

            // Then each change is announced with its reason, following the contract
            ReceivedEvent rejectedChange = handoffs.awaitEvents(1, about(rejected, HandoffStatusChanged.TYPE), WAIT).get(0);
            ReceivedEvent recycledChange = handoffs.awaitEvents(1, about(recycled, HandoffStatusChanged.TYPE), WAIT).get(0);
            assertThat(rejectedChange.data().get("status").asText()).isEqualTo("rejected");
            assertThat(rejectedChange.data().get("reasonCode").asText()).isEqualTo("no-budget");
            assertThat(rejectedChange.data().get("actor").asText()).isEqualTo("ana");
            assertThat(recycledChange.data().get("status").asText()).isEqualTo("recycled");
            assertThat(recycledChange.data().get("reasonCode").asText()).isEqualTo("not-now");
            assertThat(List.of(rejectedChange, recycledChange))
                    .allSatisfy(event -> assertThat(EventSchemas.validate(HandoffStatusChanged.TYPE, event.data())).isEmpty());

            // and scoring is told of each, with the same reason, keyed by the lead
            ReceivedEvent rejectedFeedback = feedback.awaitEvents(1, about(rejected, SalesFeedback.TYPE), WAIT).get(0);
            ReceivedEvent recycledFeedback = feedback.awaitEvents(1, about(recycled, SalesFeedback.TYPE), WAIT).get(0);
            assertThat(rejectedFeedback.data().get("action").asText()).isEqualTo("rejected");
            assertThat(rejectedFeedback.data().get("reasonCode").asText()).isEqualTo("no-budget");
            assertThat(recycledFeedback.data().get("action").asText()).isEqualTo("recycled");
            assertThat(recycledFeedback.data().get("reasonCode").asText()).isEqualTo("not-now");
            assertThat(recycledFeedback.key()).isEqualTo(recycledChange.key());
            assertThat(List.of(rejectedFeedback, recycledFeedback)).allSatisfy(event -> {
                assertThat(EventSchemas.validate(SalesFeedback.TYPE, event.data())).isEmpty();
                assertThat(event.headers()).containsEntry("ce_source", CloudEventSources.HANDOFF);
            });
        }
    }

    @Test
    void rejectingWithoutAReasonOrWithTextThatCannotBeStoredIsAProblemNamingTheFieldAndChangesNothing() {
        String id = Handoffs.create();

        given().header("Authorization", Tokens.ADMIN).contentType("application/json").body("{}")
                .when().post("/v1/handoffs/" + id + "/reject")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", is("reasonCode"));
        given().header("Authorization", Tokens.ADMIN).contentType("application/json").when().post("/v1/handoffs/" + id + "/recycle")
                .then().statusCode(400)
                .body("errors[0].field", is("reasonCode"));
        // text PostgreSQL cannot store: a NUL character, an unpaired surrogate
        given().header("Authorization", Tokens.ADMIN).contentType("application/json").body("{\"reasonCode\": \"no\\u0000budget\"}")
                .when().post("/v1/handoffs/" + id + "/reject")
                .then().statusCode(400)
                .body("errors[0].field", is("reasonCode"))
                .body("errors[0].message", containsString("NUL character"));
        given().header("Authorization", Tokens.ADMIN).contentType("application/json")
                .body("{\"reasonCode\": \"not-now\", \"actor\": \"ana\\udd31\"}")
                .when().post("/v1/handoffs/" + id + "/recycle")
                .then().statusCode(400)
                .body("errors[0].field", is("actor"));

        given().header("Authorization", Tokens.ADMIN).contentType("application/json").body("{\"reasonCode\": \"not-now\"}")
                .when().post("/v1/handoffs/" + id + "/recycle")
                .then().statusCode(200)
                .body("status", is("RECYCLED"))
                .body("reasonCode", is("not-now"));
    }

    @Test
    void anActionTheStatusDoesNotAllowIsAConflict() {
        // Given a rejected handoff
        String id = Handoffs.create();
        given().header("Authorization", Tokens.ADMIN).contentType("application/json").body("{\"reasonCode\": \"no-budget\"}")
                .when().post("/v1/handoffs/" + id + "/reject")
                .then().statusCode(200).body("status", is("REJECTED"));

        // When the rep tries to accept it, then it is a conflict
        given().header("Authorization", Tokens.ADMIN).contentType("application/json")
                .when().post("/v1/handoffs/" + id + "/accept")
                .then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("type", is("https://leadflow.io/problems/illegal-transition"))
                .body("detail", is("a handoff rejected cannot be accepted"));
    }

    @Test
    void anUnknownHandoffIsNotFound() {
        given().header("Authorization", Tokens.ADMIN).contentType("application/json")
                .when().post("/v1/handoffs/" + UUID.randomUUID() + "/accept")
                .then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().header("Authorization", Tokens.ADMIN).contentType("application/json")
                .when().post("/v1/handoffs/not-an-id/accept")
                .then().statusCode(400)
                .body("errors[0].field", is("id"));
    }

    static Predicate<ReceivedEvent> about(String handoffId, String type) {
        return event -> type.equals(event.ceType()) && handoffId.equals(event.data().path("handoffId").asText());
    }
}
