package io.leadflow.crmsync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Not a @QuarkusTest: the plan is plain Java, so the test calls it. */
class SyncPlanTest {

    @Test
    void aPollOfDistinctLeadsGoesInChunksOfTheBatchSizeInOrder() {
        // Given 250 handoffs of different leads
        List<ConsumedHandoff> polled = IntStream.range(0, 250).mapToObj(i -> handoff(newLeadId(), "lead" + i + "@example.com")).toList();

        // When HubSpot (100) and Salesforce (200) plan their first round
        List<List<ConsumedHandoff>> hubspot = SyncPlan.nextRound(polled, 100);
        List<List<ConsumedHandoff>> salesforce = SyncPlan.nextRound(polled, 200);

        // Then all go at once, in poll order, in 3 and 2 calls
        assertThat(hubspot).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(salesforce).extracting(List::size).containsExactly(200, 50);
        assertThat(hubspot.stream().flatMap(List::stream).toList()).isEqualTo(polled);
        assertThat(SyncPlan.nextRound(polled, 1)).hasSize(250);
    }

    @Test
    void settledAndRepeatedHandoffsAreNotWrittenAgain() {
        // Given a poll with a handoff the ledger settled, and another delivered twice
        ConsumedHandoff settled = handoff(newLeadId(), "a@example.com");
        ConsumedHandoff repeated = handoff(newLeadId(), "b@example.com");
        ConsumedHandoff fresh = handoff(newLeadId(), "c@example.com");

        // When the handoffs to write are picked
        List<ConsumedHandoff> toWrite = SyncPlan.toWrite(List.of(settled, repeated, fresh, repeated), Set.of(settled.handoffId()));

        // Then each unsettled handoff is written once, in poll order
        assertThat(toWrite).containsExactly(repeated, fresh);
        assertThat(SyncPlan.toWrite(List.of(settled), Set.of(settled.handoffId()))).isEmpty();
    }

    @Test
    void noCallCarriesOneEmailTwiceAndALeadsLaterHandoffWaitsForItsEarlierOne() {
        // Given two handoffs of one lead, two leads sharing an email (in another case), and a lead of its own
        String leadX = newLeadId();
        ConsumedHandoff firstOfX = handoff(leadX, "x@example.com");
        ConsumedHandoff otherLeadSameEmail = handoff(newLeadId(), "X@Example.com ");
        ConsumedHandoff secondOfX = handoff(leadX, "x@example.com");
        ConsumedHandoff alone = handoff(newLeadId(), "y@example.com");
        List<ConsumedHandoff> pending = new ArrayList<>(List.of(firstOfX, otherLeadSameEmail, secondOfX, alone));

        // When the rounds are planned, each round's handoffs being settled before the next
        List<List<List<ConsumedHandoff>>> rounds = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<List<ConsumedHandoff>> round = SyncPlan.nextRound(pending, 100);
            rounds.add(round);
            round.forEach(pending::removeAll);
        }

        // Then each round sends the first pending handoff of each email, in order, so the lead's two handoffs go in order
        assertThat(rounds).containsExactly(
                List.of(List.of(firstOfX, alone)),
                List.of(List.of(otherLeadSameEmail)),
                List.of(List.of(secondOfX)));
    }

    @Test
    void aHandoffRejectedInARoundHoldsBackOnlyItsOwnLead() {
        // Given the first handoff of lead X was rejected and is still pending, with X's next handoff and another lead behind it
        String leadX = newLeadId();
        ConsumedHandoff rejected = handoff(leadX, "x@example.com");
        ConsumedHandoff nextOfX = handoff(leadX, "x@example.com");
        ConsumedHandoff other = handoff(newLeadId(), "z@example.com");

        // When the next round is planned, Then the rejected one goes again, X's next waits, the other lead goes
        assertThat(SyncPlan.nextRound(List.of(rejected, nextOfX, other), 100)).containsExactly(List.of(rejected, other));
    }

    private static String newLeadId() {
        return UUID.randomUUID().toString();
    }

    static ConsumedHandoff handoff(String leadId, String email) {
        String handoffId = UUID.randomUUID().toString();
        LeadUpsert lead = new LeadUpsert(LeadUpsert.HANDOFF_CREATED, handoffId, leadId, email, email, Map.of(), 75, "rep-1", "round-robin",
                null, List.of());
        return new ConsumedHandoff(handoffId, lead, "{}", Instant.now());
    }
}
