package io.leadflow.handoff.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.leadflow.events.HandoffStatusChanged;
import io.leadflow.events.Topics;
import io.leadflow.handoff.Tokens;
import io.leadflow.handoff.messaging.Handoffs;
import io.leadflow.handoff.messaging.SseClient;
import io.leadflow.handoff.messaging.StageChanges;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.problems.Problem;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A sales rep sees, streams and acts on their own handoffs only; a manager on every one. Real broker and database. */
@QuarkusTest
class RepOwnershipTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/v1/handoffs/stream")
    URI stream;

    /** A new handoff; its lead's email and its assignee, who is a rep's token name. */
    private record Offered(String id, String email, String assignee) {
    }

    @Test
    void a_rep_lists_only_their_own_handoffs_whatever_they_ask_for() {
        Offered offered = offer();

        given().header("Authorization", DevTokens.bearer(offered.assignee(), "sales-rep")).queryParam("email", offered.email())
                .when().get("/v1/handoffs").then().statusCode(200).body("$", hasSize(1)).body("[0].id", is(offered.id()));
        given().header("Authorization", DevTokens.bearer(other(offered), "sales-rep")).queryParam("email", offered.email())
                .when().get("/v1/handoffs").then().statusCode(200).body("$", empty());
        given().header("Authorization", DevTokens.bearer("lea", "sales-manager")).queryParam("email", offered.email())
                .when().get("/v1/handoffs").then().statusCode(200).body("$", hasSize(1));
        // marketing-ops reads every handoff, also when the caller is a rep too
        given().header("Authorization", DevTokens.bearer(other(offered), "sales-rep", "marketing-ops")).queryParam("email", offered.email())
                .when().get("/v1/handoffs").then().statusCode(200).body("$", hasSize(1));
        // a rep is known by their sub: a username naming the assignee shows nothing
        given().header("Authorization", DevTokens.bearerWithUsername(other(offered), offered.assignee(), "sales-rep"))
                .queryParam("email", offered.email()).when().get("/v1/handoffs").then().statusCode(200).body("$", empty());
    }

    @Test
    void another_reps_action_is_not_found_and_changes_nothing_while_the_assignee_acts_in_their_own_name() {
        Offered offered = offer();
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS); TopicProbe feedback = TopicProbe.tail(Topics.SALES_FEEDBACK)) {
            // When another rep tries every action on it: a plain rep, a rep who is also marketing-ops (who sees every
            // handoff, but acts only on their own), and a rep whose token's username names the assignee (a rep is their sub)
            String[] others = {DevTokens.bearer(other(offered), "sales-rep"), DevTokens.bearer(other(offered), "sales-rep", "marketing-ops"),
                DevTokens.bearerWithUsername(other(offered), offered.assignee(), "sales-rep")};
            for (String otherRep : others) {
                for (String action : new String[] {"accept", "qualify", "reject", "recycle"}) {
                    given().header("Authorization", otherRep).contentType("application/json")
                            .body("{\"reasonCode\": \"not-mine\"}").when().post("/v1/handoffs/" + offered.id() + "/" + action)
                            .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("detail", containsString(offered.id()));
                }
            }

            // Then it is still offered, and nobody heard of a change
            assertThat(status(offered)).isEqualTo("OFFERED");
            assertThat(handoffs.collectFor(Duration.ofSeconds(3))).noneMatch(about(offered));
            assertThat(feedback.collectFor(Duration.ofSeconds(1))).noneMatch(about(offered));

            // When its rep accepts it, naming someone else as the actor, then the rep is recorded
            given().header("Authorization", DevTokens.bearer(offered.assignee(), "sales-rep")).contentType("application/json")
                    .body("{\"actor\": \"" + other(offered) + "\"}").when().post("/v1/handoffs/" + offered.id() + "/accept")
                    .then().statusCode(200).body("status", is("ACCEPTED"));
            ReceivedEvent accepted = handoffs.awaitEvents(1, about(offered), WAIT).get(0);
            assertThat(accepted.data().get("actor").asText()).isEqualTo(offered.assignee());
        }
    }

    @Test
    void a_manager_acts_on_any_handoff_in_their_own_name_or_for_a_rep_they_name() {
        Offered offered = offer();
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            given().header("Authorization", DevTokens.bearer("lea", "sales-manager")).contentType("application/json")
                    .when().post("/v1/handoffs/" + offered.id() + "/accept").then().statusCode(200);
            given().header("Authorization", DevTokens.bearer("lea", "sales-manager")).contentType("application/json")
                    .body("{\"actor\": \"" + offered.assignee() + "\"}").when().post("/v1/handoffs/" + offered.id() + "/qualify")
                    .then().statusCode(200);

            assertThat(handoffs.awaitEvents(2, about(offered), WAIT)).extracting(event -> event.data().get("actor").asText())
                    .containsExactly("lea", offered.assignee());
        }
    }

    @Test
    void a_rep_streams_only_their_own_events() {
        Offered offered = offer();
        String rep = DevTokens.bearer(offered.assignee(), "sales-rep");

        // another rep's stream or a queue's is refused
        given().header("Authorization", rep).accept("text/event-stream").queryParam("rep", other(offered))
                .when().get("/v1/handoffs/stream").then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("only their own"));
        given().header("Authorization", rep).accept("text/event-stream").queryParam("queue", "default")
                .when().get("/v1/handoffs/stream").then().statusCode(403);

        // without rep=, the stream is the caller's own: their accept reaches it
        try (SseClient own = new SseClient(stream, rep, null).awaitOpen(WAIT)) {
            given().header("Authorization", rep).contentType("application/json")
                    .when().post("/v1/handoffs/" + offered.id() + "/accept").then().statusCode(200);
            SseClient.Event event = own.await(received -> HandoffStatusChanged.TYPE.equals(received.name())
                    && received.data().contains(offered.id()), WAIT);
            assertThat(event.data()).contains(offered.assignee());
        }
    }

    private static Offered offer() {
        String email = StageChanges.newLeadEmail();
        String id = Handoffs.create(StageChanges.toMql(email)).ceId();
        String assignee = given().header("Authorization", Tokens.ADMIN).queryParam("email", email).when().get("/v1/handoffs")
                .then().statusCode(200).extract().path("[0].assignee");
        return new Offered(id, email, assignee);
    }

    private static String status(Offered offered) {
        return given().header("Authorization", Tokens.ADMIN).queryParam("email", offered.email()).when().get("/v1/handoffs")
                .then().statusCode(200).extract().path("[0].status");
    }

    /** A rep who is not the assignee. */
    private static String other(Offered offered) {
        return "not-" + offered.assignee();
    }

    private static Predicate<ReceivedEvent> about(Offered offered) {
        return event -> offered.id().equals(event.data().path("handoffId").asText());
    }
}
