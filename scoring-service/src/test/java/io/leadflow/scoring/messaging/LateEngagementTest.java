package io.leadflow.scoring.messaging;

import static io.leadflow.scoring.TestEngagements.pageView;
import static io.leadflow.scoring.TestEngagements.send;
import static io.leadflow.scoring.TestEngagements.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.scoring.TestLeads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lead's score never depends on the order its engagements arrive in (a client retry, a redelivery). */
@QuarkusTest
class LateEngagementTest {

    private static final Instant MORNING = Instant.parse("2026-11-22T09:00:00Z");
    private static final String PRICING = "https://example.com/pricing";

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
}
