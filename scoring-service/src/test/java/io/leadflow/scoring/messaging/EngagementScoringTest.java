package io.leadflow.scoring.messaging;

import static io.leadflow.scoring.TestEngagements.pageView;
import static io.leadflow.scoring.TestEngagements.send;
import static io.leadflow.scoring.TestEngagements.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.DeterministicIds;
import io.leadflow.events.EngagementType;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.LeadScored;
import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.Topics;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.TestLeads;
import io.leadflow.testsupport.KafkaTestResource;
import io.leadflow.testsupport.PostgresTestResource;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "scoring_test"),
        @ResourceArg(name = "schema", value = "scoring")})
class EngagementScoringTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant MORNING = Instant.parse("2026-11-22T09:00:00Z");

    @Inject
    Pool pool;

    @Test
    void engagementsRaiseTheScoreAndTheLedgerAddsUpToIt() {
        try (TopicProbe scores = TopicProbe.tail(Topics.LEAD_SCORES)) {
            // given
            String email = uniqueEmail("ada");

            // when she opens an email, then views the blog and the pricing page
            String opened = send(TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING));
            String blog = send(pageView(email, "https://example.com/blog", MORNING.plusSeconds(60),
                    Map.of("company", "Analytical Engines", "jobTitle", "Engineer")));
            String pricing = send(pageView(email, "https://example.com/pricing", MORNING.plusSeconds(120),
                    Map.of("jobTitle", "VP Engineering")));

            // then the score is 3 + 5 + (5 + 15) under the default model, and the ledger shows every rule that gave points,
            // oldest first
            JsonPath lead = TestLeads.awaitScore(email, 28);
            assertThat(lead.getString("stage")).isEqualTo("LEAD");
            assertThat(lead.getString("leadKey")).isEqualTo(email);
            assertThat(lead.getString("email")).isEqualTo(email);
            assertThat(lead.getList("ledger.eventId")).containsExactly(opened, blog, pricing, pricing);
            assertThat(lead.getList("ledger.rule")).containsExactly("email-opened", "page-viewed", "page-viewed", "pricing-page");
            assertThat(lead.getList("ledger.type")).containsOnly("email.opened", "page.viewed");
            assertThat(lead.getList("ledger.rawPoints", Integer.class)).containsExactly(3, 5, 5, 15);
            assertThat(lead.getList("ledger.points", Integer.class)).containsExactly(3, 5, 5, 15);
            assertThat(lead.getList("ledger.modelVersion", Integer.class)).containsOnly(1);
            assertThat(lead.getString("scoredAsOf")).isEqualTo("2026-11-22T09:02:00Z");
            assertThat(lead.getList("ledger.points", Integer.class).stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(lead.getInt("score"));
            assertThat(lead.getMap("traits")).containsOnly(
                    Map.entry("company", "Analytical Engines"), Map.entry("jobTitle", "VP Engineering"));

            // and one valid lead.scored.v1 per engagement, identified by its cause
            List<ReceivedEvent> changes = scores.awaitEvents(3, event -> email.equals(event.key()), WAIT);
            assertThat(changes).extracting(ReceivedEvent::ceId).containsExactlyInAnyOrder(
                    DeterministicIds.of(opened, "score"), DeterministicIds.of(blog, "score"), DeterministicIds.of(pricing, "score"));
            for (ReceivedEvent change : changes) {
                assertThat(change.ceType()).isEqualTo(LeadScored.TYPE);
                assertThat(change.headers()).containsEntry("ce_source", "/leadflow/scoring-service");
                assertThat(EventSchemas.validate(LeadScored.TYPE, change.data())).isEmpty();
            }
            ReceivedEvent last = changes.stream().filter(change -> change.data().get("causeEventId").asText().equals(pricing))
                    .findFirst().orElseThrow();
            assertThat(last.data().get("score").asInt()).isEqualTo(28);
            assertThat(last.data().get("delta").asInt()).isEqualTo(20);
            assertThat(last.data().get("leadId").asText()).isEqualTo(lead.getString("id"));
        }
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        // given
        String email = uniqueEmail("grace");
        String demo = "demo-" + UUID.randomUUID();

        // when the same demo request is delivered twice, and then an email is opened
        send(demo, TestEngagements.of(email, EngagementType.DEMO_REQUESTED, MORNING));
        send(demo, TestEngagements.of(email, EngagementType.DEMO_REQUESTED, MORNING));
        send(TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(60)));

        // then the demo counted once (the later open was processed after both copies: same partition)
        JsonPath lead = TestLeads.awaitScore(email, 20 + 3);
        assertThat(lead.getList("ledger.eventId")).containsOnlyOnce(demo);
        assertThat(lead.getList("ledger")).hasSize(2);
    }

    @Test
    void anEngagementRedeliveredAfterItsPollCommittedCountsOnceByItsHistoryRow() {
        // given a demo request counted and committed
        String email = uniqueEmail("radia");
        String demo = "demo-" + UUID.randomUUID();
        send(demo, TestEngagements.of(email, EngagementType.DEMO_REQUESTED, MORNING));
        TestLeads.awaitScore(email, 20);

        // when the same record comes again in a later poll, and then an email is opened
        send(demo, TestEngagements.of(email, EngagementType.DEMO_REQUESTED, MORNING));
        send(TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(60)));

        // then the demo counted once: its row in the lead's history told it apart, and no processed id was written for it
        JsonPath lead = TestLeads.awaitScore(email, 20 + 3);
        assertThat(lead.getList("ledger.eventId")).containsOnlyOnce(demo);
        assertThat(pool.preparedQuery("select count(*) from processed_event where event_id = $1").execute(Tuple.of(demo))
                .await().indefinitely().iterator().next().getLong(0)).isZero();
        assertThat(pool.preparedQuery("select count(*) from lead_event where event_id = $1").execute(Tuple.of(demo))
                .await().indefinitely().iterator().next().getLong(0)).isOne();
    }

    @ParameterizedTest(name = "{0} later")
    @ValueSource(strings = {"PT1H", "P7D"})
    void anEngagementResentWithALaterTimeCountsOnce(Duration later) {
        // given a demo request counted and committed
        String email = uniqueEmail("barbara");
        String demo = "demo-" + UUID.randomUUID();
        send(demo, TestEngagements.of(email, EngagementType.DEMO_REQUESTED, MORNING));
        TestLeads.awaitScore(email, 20);

        // when a client sends it again later under the same id (capture stamps an event without a time with the time it
        // got it, so a retry carries a new one; the engagement channel tells copies apart for 8 days), and then an email
        // is opened
        String opened = "open-" + UUID.randomUUID();
        send(demo, TestEngagements.of(email, EngagementType.DEMO_REQUESTED, MORNING.plus(later)));
        send(opened, TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING.plus(later).plusSeconds(60)));

        // then, once the email open is counted, the demo has counted once, and the history holds it once
        JsonPath lead = TestLeads.awaitLedgerEntry(email, opened);
        assertThat(lead.getList("ledger.eventId")).containsOnlyOnce(demo);
        assertThat(lead.getInt("score")).as("the demo's points, decayed, and the open's 3").isLessThan(20 + 3 + 1);
        assertThat(pool.preparedQuery("select count(*) from lead_event where event_id = $1").execute(Tuple.of(demo))
                .await().indefinitely().iterator().next().getLong(0)).isOne();
    }

    @Test
    void crossingTheThresholdAnnouncesTheMqlExactlyOnce() {
        try (TopicProbe lifecycle = TopicProbe.tail(Topics.LIFECYCLE); TopicProbe scores = TopicProbe.tail(Topics.LEAD_SCORES)) {
            // given a VP from GB (fit 30 + 15: grade B) who viewed the pricing page
            String email = uniqueEmail("hedy");
            String pricing = send(pageView(email, "https://example.com/pricing", MORNING,
                    Map.of("company", "Frequency Hopping", "jobTitle", "VP Research", "country", "GB")));
            TestLeads.awaitScore(email, 20);

            // when a webinar, a purchase and a trial take it over the threshold of 100 (none of them a hand-raise)
            String webinar = send(TestEngagements.of(email, EngagementType.WEBINAR_ATTENDED, MORNING.plusSeconds(30)));
            String bought = send(TestEngagements.of(email, EngagementType.PURCHASE_COMPLETED, MORNING.plusSeconds(60)));
            TestLeads.awaitScore(email, 75);
            String trial = send(TestEngagements.of(email, EngagementType.TRIAL_STARTED, MORNING.plusSeconds(120)));

            // then one valid lead.stage-changed.v1 says it became an MQL, with what made it one
            JsonPath lead = TestLeads.awaitScore(email, 105);
            assertThat(lead.getString("stage")).isEqualTo("MQL");
            assertThat(lead.getInt("fitScore")).isEqualTo(45);
            assertThat(lead.getString("grade")).isEqualTo("B");
            ReceivedEvent mql = lifecycle.awaitEvents(1, event -> email.equals(event.key()), WAIT).get(0);
            assertThat(mql.ceType()).isEqualTo(LeadStageChanged.TYPE);
            assertThat(mql.ceId()).isEqualTo(DeterministicIds.of(lead.getString("id"), "MQL"));
            assertThat(EventSchemas.validate(LeadStageChanged.TYPE, mql.data())).isEmpty();
            assertThat(mql.data().get("from").asText()).isEqualTo("LEAD");
            assertThat(mql.data().get("to").asText()).isEqualTo("MQL");
            assertThat(mql.data().get("score").asInt()).isEqualTo(105);
            assertThat(mql.data().get("reason").asText()).isEqualTo("score");
            assertThat(mql.data().get("causeEventId").asText()).isEqualTo(trial);
            assertThat(mql.data().get("traits").get("company").asText()).isEqualTo("Frequency Hopping");
            assertThat(mql.data().get("topContributions").findValuesAsText("eventId"))
                    .containsExactly(bought, trial, pricing, webinar, pricing);
            assertThat(mql.data().get("topContributions").findValuesAsText("points"))
                    .containsExactly("40", "30", "15", "15", "5");

            // when it engages further
            String purchase = send(TestEngagements.of(email, EngagementType.PURCHASE_COMPLETED, MORNING.plusSeconds(180)));
            TestLeads.awaitScore(email, 145);
            scores.awaitEvents(1, event -> DeterministicIds.of(purchase, "score").equals(event.ceId()), WAIT);

            // then its score grows but no second stage change is announced
            List<ReceivedEvent> announced = lifecycle.collectFor(Duration.ofSeconds(1)).stream()
                    .filter(event -> email.equals(event.key()))
                    .toList();
            assertThat(announced).hasSize(1);
        }
    }

    @Test
    void aDemoRequestThroughTheApiQualifiesALeadWhoseFitIsThereAtOnceAsAHandRaise() {
        try (TopicProbe lifecycle = TopicProbe.tail(Topics.LIFECYCLE)) {
            // given a VP from GB (grade B) who viewed the blog
            String email = uniqueEmail("ida");
            send(pageView(email, "https://example.com/blog", MORNING, Map.of("jobTitle", "VP Sales", "country", "GB")));
            TestLeads.awaitScore(email, 5);

            // when it requests a demo through the event API (not the demo-request form: 20 points, far from 100)
            String demo = send(TestEngagements.with(email, EngagementType.DEMO_REQUESTED, MORNING.plusSeconds(60), Map.of("formId", "demo")));

            // then it is an MQL at once, at 25 points, and the change says it was a hand-raise
            JsonPath lead = TestLeads.awaitScore(email, 25);
            assertThat(lead.getString("stage")).isEqualTo("MQL");
            ReceivedEvent mql = lifecycle.awaitEvents(1, event -> email.equals(event.key()), WAIT).get(0);
            assertThat(EventSchemas.validate(LeadStageChanged.TYPE, mql.data())).isEmpty();
            assertThat(mql.data().get("reason").asText()).isEqualTo("hand-raise");
            assertThat(mql.data().get("causeEventId").asText()).isEqualTo(demo);
            assertThat(mql.data().get("score").asInt()).isEqualTo(25);
        }
    }

    @Test
    void aDemoRequestOfALeadWhoseFitIsNotThereDoesNotQualifyIt() {
        // given a student from nowhere in particular (grade D)
        String email = uniqueEmail("student");
        send(pageView(email, "https://example.com/blog", MORNING, Map.of("jobTitle", "Student")));
        TestLeads.awaitScore(email, 5);

        // when it requests a demo
        send(TestEngagements.with(email, EngagementType.DEMO_REQUESTED, MORNING.plusSeconds(60), Map.of("formId", "demo")));

        // then it counts, but the lead stays a LEAD
        assertThat(TestLeads.awaitScore(email, 25).getString("stage")).isEqualTo("LEAD");
    }
}
