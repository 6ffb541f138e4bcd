package io.leadflow.scoring.messaging;

import static io.leadflow.scoring.TestEngagements.pageView;
import static io.leadflow.scoring.TestEngagements.send;
import static io.leadflow.scoring.TestEngagements.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.scoring.TestLeads;
import io.leadflow.scoring.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lead's score never depends on the order its engagements arrive in (a client retry, a redelivery). */
@QuarkusTest
class LateEngagementTest {

    private static final Instant MORNING = Instant.parse("2026-11-22T09:00:00Z");
    private static final String PRICING = "https://example.com/pricing";
    private static final String BLOG = "https://example.com/blog";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void anEngagementThatArrivesAfterLaterOnesCountsAsIfItHadArrivedInOrder() {
        // the default model: a page view 5, a pricing page 15 more, at most 2 pricing views a day
        Instant first = MORNING;
        Instant second = MORNING.plusSeconds(600);
        Instant third = MORNING.plusSeconds(1200);
        String inOrder = uniqueEmail("in-order");
        String late = uniqueEmail("late");

        // given three pricing views of one lead sent in the order they happened, and the same of another lead with the
        // first one arriving last
        for (Instant at : List.of(first, second, third)) {
            send(pageView(inOrder, PRICING, at, Map.of()));
        }
        for (Instant at : List.of(second, third, first)) {
            send(pageView(late, PRICING, at, Map.of()));
        }

        // then both score 20 + 20 + 5: the third view of the day is over the pricing cap, whichever came last
        JsonPath expected = TestLeads.awaitScore(inOrder, 45);
        JsonPath actual = TestLeads.awaitScore(late, 45);
        assertThat(actual.getList("ledger.rule")).containsExactlyInAnyOrderElementsOf(expected.getList("ledger.rule"));
        assertThat(actual.getList("ledger.occurredAt")).containsExactlyInAnyOrderElementsOf(expected.getList("ledger.occurredAt"));
    }

    @Test
    void aLateEngagementRescoresOnlyWhatHappenedAfterTheLeadsCheckpoint() {
        String email = uniqueEmail("checkpoint");
        // given page views (5 each) of 60, 120 and 180 seconds, and then the one of 0 seconds arriving late: its re-score
        // keeps the lead's checkpoint 10 seconds (the lag) behind its latest event, at the view of 120 seconds
        for (int second : List.of(60, 120, 180)) {
            send(pageView(email, BLOG, MORNING.plusSeconds(second), Map.of()));
        }
        TestLeads.awaitScore(email, 15);
        send(pageView(email, BLOG, MORNING, Map.of()));
        TestLeads.awaitScore(email, 20);
        assertThat(checkpointThrough(email)).isEqualTo(MORNING.plusSeconds(120));

        // when the history up to the checkpoint is gone, so that only the checkpoint can answer for it, and a view of
        // 150 seconds arrives late
        pool.preparedQuery("delete from lead_event where lead_id = (select id from lead where email = $1) and occurred_at <= $2")
                .execute(Tuple.of(email, MORNING.plusSeconds(120).atOffset(ZoneOffset.UTC))).await().atMost(WAIT);
        send(pageView(email, BLOG, MORNING.plusSeconds(150), Map.of()));

        // then the re-score started at the checkpoint: 25, where re-scoring the history left would give 10; the
        // checkpoint moved on to the latest event 10 seconds or more behind the lead's latest: the late one
        JsonPath lead = TestLeads.awaitScore(email, 25);
        assertThat(lead.getList("ledger")).hasSize(5);
        assertThat(checkpointThrough(email)).isEqualTo(MORNING.plusSeconds(150));

        // erased, so that no lead is left whose stored history no longer adds up to its score (previews read them all)
        given().header("Authorization", Tokens.ADMIN).queryParam("reason", "test cleanup")
                .delete("/v1/leads/{id}", lead.getString("id")).then().statusCode(204);
    }

    private Instant checkpointThrough(String email) {
        String through = pool.preparedQuery("select rescore_checkpoint ->> 'through' from lead where email = $1").execute(Tuple.of(email))
                .await().atMost(WAIT).iterator().next().getString(0);
        return through == null ? null : Instant.parse(through);
    }
}
