package io.leadflow.handoff.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.HandoffStatusChanged;
import io.leadflow.handoff.Tokens;
import io.leadflow.handoff.config.HandoffConfig;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The live stream read by a real HTTP client while handoffs are made and acted on, and resumed after a drop. */
@QuarkusTest
class HandoffStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/v1/handoffs/stream")
    URI stream;

    @Inject
    HandoffConfig config;

    @Inject
    Pool pool;

    @Inject
    HandoffEventRetention retention;

    @Test
    void aQueueStreamShowsEachNewHandoffAndARepStreamTheRepsActions() {
        // Given a screen following the default queue
        try (SseClient queue = new SseClient(defaultQueue()).awaitOpen(WAIT)) {
            assertThat(queue.contentType()).startsWith("text/event-stream");

            // When a lead is handed off
            String handoffId = Handoffs.create();

            // Then the screen gets it as it happens: named by type, with a position as id and the event's data
            SseClient.Event created = queue.await(created(handoffId), WAIT);
            assertThat(created.name()).isEqualTo(HandoffCreated.TYPE);
            assertThat(Long.parseLong(created.id())).isPositive();
            JsonNode data = Json.read(created.data());
            assertThat(EventSchemas.validate(HandoffCreated.TYPE, data)).isEmpty();

            // And given the assignee's own screen, when they accept the lead, then it shows there
            String assignee = data.get("assignee").asText();
            try (SseClient rep = new SseClient(URI.create(stream + "?rep=" + assignee)).awaitOpen(WAIT)) {
                given().header("Authorization", Tokens.ADMIN).contentType("application/json").when().post("/v1/handoffs/" + handoffId + "/accept").then().statusCode(200);

                SseClient.Event accepted = rep.await(event -> HandoffStatusChanged.TYPE.equals(event.name())
                        && handoffId.equals(Json.read(event.data()).path("handoffId").asText()), WAIT);
                assertThat(Json.read(accepted.data()).get("status").asText()).isEqualTo("accepted");
                assertThat(EventSchemas.validate(HandoffStatusChanged.TYPE, Json.read(accepted.data()))).isEmpty();
                assertThat(Long.parseLong(accepted.id())).isGreaterThan(Long.parseLong(created.id()));
            }
        }
    }

    @Test
    void aClientReconnectingWithLastEventIdGetsExactlyWhatItMissedInOrderThenLiveEvents() {
        // Given a screen that received two handoffs, then lost its connection
        List<String> seen = new ArrayList<>();
        String lastEventId;
        try (SseClient first = new SseClient(defaultQueue()).awaitOpen(WAIT)) {
            seen.add(Handoffs.create());
            seen.add(Handoffs.create());
            seen.forEach(id -> first.await(created(id), WAIT));
            lastEventId = first.lastEventId();
            assertThat(first.events()).filteredOn(event -> event.comment() != null && event.comment().equals("connected"))
                    .singleElement().extracting(SseClient.Event::retry).isEqualTo(config.streamReconnectDelay().toMillis());
        }

        // When three more are made while it is away, and it reconnects with the last id it received
        List<String> missed = List.of(Handoffs.create(), Handoffs.create(), Handoffs.create());
        try (SseClient again = new SseClient(defaultQueue(), lastEventId).awaitOpen(WAIT)) {
            missed.forEach(id -> again.await(created(id), WAIT));
            // and one more is made once it is back
            String live = Handoffs.create();
            again.await(created(live), WAIT);

            // Then of this test's handoffs it got exactly the three it missed, in order, then the live one
            List<String> mine = new ArrayList<>(seen);
            mine.addAll(missed);
            mine.add(live);
            assertThat(again.events()).filteredOn(event -> HandoffCreated.TYPE.equals(event.name()))
                    .extracting(event -> Json.read(event.data()).get("handoffId").asText())
                    .filteredOn(mine::contains)
                    .containsExactly(missed.get(0), missed.get(1), missed.get(2), live);
            // and nothing it had already, nothing twice, everything in order; and nothing is said to be lost
            assertThat(again.events()).filteredOn(event -> event.id() != null).extracting(event -> Long.parseLong(event.id()))
                    .allSatisfy(id -> assertThat(id).isGreaterThan(Long.parseLong(lastEventId)))
                    .isSorted().doesNotHaveDuplicates();
            assertThat(again.events()).noneMatch(event -> "replay-truncated".equals(event.name()));
        }
    }

    @Test
    void anIdThisStreamNeverGaveReplaysEveryEventKeptAndSaysSoFirst() {
        // Given a handoff of the default queue
        String handoffId = Handoffs.create();

        // When a client resumes with an id from elsewhere (another installation, a restored database)
        try (SseClient client = new SseClient(defaultQueue(), "999999999999999").awaitOpen(WAIT)) {

            // Then it is told first that the replay starts over, and is sent what is kept, that handoff too
            client.await(created(handoffId), WAIT);
            SseClient.Event notice = client.events().stream().filter(event -> event.name() != null).findFirst().orElseThrow();
            assertThat(notice.name()).isEqualTo("replay-truncated");
            assertThat(notice.id()).isNull();
            assertThat(Json.read(notice.data()).get("reason").asText()).isEqualTo("unknown");
            assertThat(Json.read(notice.data()).get("lastEventId").asText()).isEqualTo("999999999999999");
        }
    }

    @Test
    void anIdFromBeforeWhatRetentionDeletedReplaysWhatIsKeptAndSaysSo() {
        // Given an event of the default queue past retention, deleted, and a handoff made after it
        long expired = insertEvent(Instant.now().minus(config.eventRetention()).minus(Duration.ofDays(1)));
        retention.prune().await().atMost(WAIT);
        String handoffId = Handoffs.create();

        // When a client resumes from just before the deleted event
        try (SseClient client = new SseClient(defaultQueue(), Long.toString(expired - 1)).awaitOpen(WAIT)) {

            // Then it is told that events are gone, and gets the ones kept
            client.await(created(handoffId), WAIT);
            SseClient.Event notice = client.events().stream().filter(event -> event.name() != null).findFirst().orElseThrow();
            assertThat(notice.name()).isEqualTo("replay-truncated");
            assertThat(Json.read(notice.data()).get("reason").asText()).isEqualTo("expired");
        }
    }

    @Test
    void aStreamOfNobodyIsRefusedNamingTheParameter() {
        given().header("Authorization", Tokens.ADMIN).accept("text/event-stream").when().get("/v1/handoffs/stream")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("rep"));
    }

    @Test
    void aLastEventIdThatIsNoPositionIsRefusedNamingTheHeader() {
        for (String malformed : List.of("5d0c6b1e-2f5a-3c4e-9a0b-7e1f2d3c4b5a", "-1", "12abc")) {
            given().header("Authorization", Tokens.ADMIN).accept("text/event-stream").header("Last-Event-ID", malformed).queryParam("queue", "default")
                    .when().get("/v1/handoffs/stream")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("Last-Event-ID"));
        }
    }

    private URI defaultQueue() {
        return URI.create(stream + "?queue=default");
    }

    private static Predicate<SseClient.Event> created(String handoffId) {
        return event -> HandoffCreated.TYPE.equals(event.name()) && handoffId.equals(Json.read(event.data()).path("handoffId").asText());
    }

    /** Stores an event of the default queue made at {@code at}; the item is its position once committed. */
    private long insertEvent(Instant at) {
        String id = UUID.randomUUID().toString();
        pool.preparedQuery("insert into handoff_event (event_id, lead_key, type, audience, data, created_at)"
                + " values ($1, 'expired@example.com', 'handoff.created.v1', '{\"eventType\": \"handoff.created.v1\", \"reps\": [], \"queue\": \"default\"}', '{}', $2)")
                .execute(Tuple.of(id, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))).await().atMost(WAIT);
        return pool.preparedQuery("select position from handoff_event where event_id = $1").execute(Tuple.of(id))
                .await().atMost(WAIT).iterator().next().getLong("position");
    }
}
