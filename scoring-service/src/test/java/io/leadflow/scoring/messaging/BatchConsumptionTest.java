package io.leadflow.scoring.messaging;

import static io.leadflow.scoring.TestBatches.TestRecord.engagement;
import static io.leadflow.scoring.TestEngagements.anonymous;
import static io.leadflow.scoring.TestEngagements.pageView;
import static io.leadflow.scoring.TestEngagements.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.DeterministicIds;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import io.leadflow.events.LeadIdentified;
import io.leadflow.events.LeadKeys;
import io.leadflow.events.SalesAction;
import io.leadflow.events.SalesFeedback;
import io.leadflow.events.Topics;
import io.leadflow.scoring.TestBatches;
import io.leadflow.scoring.TestBatches.TestRecord;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.TestLeads;
import io.leadflow.scoring.Tokens;
import io.leadflow.testsupport.ManagementInterface;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TestRecords;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The engagement channel counts a polled batch of records in one transaction; these tests write records that land together. */
@QuarkusTest
class BatchConsumptionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant MORNING = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void aBatchWithDuplicatesInsideItAndARedeliveryOfPartOfItCountsEachEventOnce() {
        try (TopicProbe scores = TopicProbe.tail(Topics.LEAD_SCORES)) {
            // given a batch with an email open, a page view, the open again and a click
            String email = uniqueEmail("ada");
            String opened = id();
            String viewed = id();
            String clicked = id();
            TestRecord open = engagement(opened, TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING));
            TestRecord view = engagement(viewed, pageView(email, "https://example.com/blog", MORNING.plusSeconds(60), Map.of()));
            TestRecord click = engagement(clicked, TestEngagements.of(email, EngagementType.EMAIL_CLICKED, MORNING.plusSeconds(120)));
            TestBatches.send(List.of(open, view, open, click));
            TestLeads.awaitScore(email, 3 + 5 + 5);
            assertThat(batchSizeMax()).isGreaterThanOrEqualTo(4);

            // when the view and the click are delivered again in a batch with a download, itself twice
            String downloaded = id();
            TestRecord download = engagement(downloaded, TestEngagements.of(email, EngagementType.CONTENT_DOWNLOADED, MORNING.plusSeconds(180)));
            TestBatches.send(List.of(view, click, download, download));

            // then every event counted once: one ledger entry each
            JsonPath lead = TestLeads.awaitScore(email, 3 + 5 + 5 + 10);
            assertThat(lead.getList("ledger.eventId")).containsExactly(opened, viewed, clicked, downloaded);

            // and the score announced once per lead and poll, under the id of the poll's last engagement: the changes
            // add up to the score, the last one carries it, and nothing is announced twice
            List<ReceivedEvent> announced = scores.awaitEvents(1, event -> email.equals(event.key())
                    && event.data().get("score").asInt() == 23, WAIT);
            List<ReceivedEvent> all = scores.collectFor(Duration.ofSeconds(1)).stream().filter(event -> email.equals(event.key())).toList();
            assertThat(all.stream().map(ReceivedEvent::ceId)).doesNotHaveDuplicates()
                    .contains(DeterministicIds.of(downloaded, "score"))
                    .isSubsetOf(DeterministicIds.of(opened, "score"), DeterministicIds.of(viewed, "score"),
                            DeterministicIds.of(clicked, "score"), DeterministicIds.of(downloaded, "score"))
                    .hasSizeLessThan(4);
            assertThat(all.stream().mapToInt(event -> event.data().get("delta").asInt()).sum()).isEqualTo(23);
            assertThat(announced.get(0).data().get("causeEventId").asText()).isEqualTo(downloaded);
        }
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchGoesAloneToTheDeadLetterTopicAndTheOthersCount() {
        try (TopicProbe deadLetters = TopicProbe.tail(Topics.deadLetter(Topics.ENGAGEMENT))) {
            // given a batch of an open, a record that is not JSON and a click of one lead
            String email = uniqueEmail("mallory");
            String poison = id();
            TestBatches.send(List.of(
                    engagement(id(), TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING)),
                    new TestRecord(email, poison, EngagementCaptured.TYPE, "{not json"),
                    engagement(id(), TestEngagements.of(email, EngagementType.EMAIL_CLICKED, MORNING.plusSeconds(60)))));

            // then both engagements count
            TestLeads.awaitScore(email, 3 + 5);

            // and the poison record, and only it, is on the dead-letter topic once, with the reason
            deadLetters.awaitEvents(1, event -> email.equals(event.key()), WAIT);
            List<ReceivedEvent> dead = deadLetters.collectFor(Duration.ofSeconds(2)).stream().filter(event -> email.equals(event.key())).toList();
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).ceId()).isEqualTo(poison);
            assertThat(dead.get(0).headers().get("dead-letter-reason")).contains("not JSON");
        }
    }

    @Test
    void everyLeadOfABatchScoresAsAFreshRescoreOfItsEvents() {
        // given one batch for three leads: Ada's opens arrive out of time order (the cap of 3 a day must hold back the
        // latest, not the last to arrive), a visitor views pages and is identified as Grace mid-batch, then engages again
        String ada = uniqueEmail("ada");
        String grace = uniqueEmail("grace");
        String visitor = "v-" + UUID.randomUUID();
        LeadIdentified identified = new LeadIdentified(LeadKeys.normalizeEmail(grace), grace, visitor, null, MORNING.plusSeconds(300),
                Map.of("jobTitle", "VP Sales", "country", "GB"));
        TestBatches.send(List.of(
                engagement(id(), TestEngagements.of(ada, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(300))),
                engagement(id(), anonymous(visitor, EngagementType.PAGE_VIEWED, MORNING, Map.of("url", "https://example.com/pricing"))),
                engagement(id(), TestEngagements.of(ada, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(200))),
                engagement(id(), TestEngagements.of(ada, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(100))),
                new TestRecord(identified.leadKey(), id(), LeadIdentified.TYPE, TestEngagements.json(identified)),
                engagement(id(), TestEngagements.of(ada, EngagementType.EMAIL_OPENED, MORNING)),
                engagement(id(), anonymous(visitor, EngagementType.DEMO_REQUESTED, MORNING.plusSeconds(400), Map.of("formId", "demo-request")))));

        // then Ada has three opens (the one at 09:05 over the cap) and Grace the visitor's pricing view and demo request
        assertThat(TestLeads.awaitScore(ada, 3 * 3).getList("ledger.occurredAt"))
                .containsExactly("2026-11-22T09:00:00Z", "2026-11-22T09:01:40Z", "2026-11-22T09:03:20Z");
        JsonPath merged = TestLeads.awaitScore(grace, 5 + 15 + 20 + 50);
        assertThat(merged.getString("grade")).isEqualTo("B");

        // and no lead would move if every history were scored afresh under the active model
        JsonPath active = given().header("Authorization", Tokens.ADMIN).when().get("/v1/scoring-model").then().statusCode(200).extract().jsonPath();
        JsonPath preview = given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON).body(TestEngagements.json(active.getMap("model")))
                .when().post("/v1/scoring-model/preview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getInt("leads")).isGreaterThanOrEqualTo(2);
        assertThat(preview.getInt("scoreChanges")).isZero();
        assertThat(preview.getInt("stageChanges")).isZero();
    }

    @Test
    void aKeptLeadThatSalesRecycledMeanwhileCountsOnItsRecycledRow() {
        // given a lead whose open and click were counted: the consumer keeps it in memory at 8 points
        String email = uniqueEmail("kept");
        TestBatches.send(List.of(
                engagement(id(), TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING)),
                engagement(id(), TestEngagements.of(email, EngagementType.EMAIL_CLICKED, MORNING.plusSeconds(60)))));
        String leadId = TestLeads.awaitScore(email, 3 + 5).getString("id");

        // when sales recycles it (its row changes behind the kept copy: score 0, stage RECYCLED) and it opens an email again
        SalesFeedback recycle = new SalesFeedback(id(), leadId, email, email, SalesAction.RECYCLED, "not-now", "rep-1", Instant.now());
        TestRecords.sendCloudEvent(Topics.SALES_FEEDBACK, email, id(), SalesFeedback.TYPE, TestEngagements.json(recycle));
        await().atMost(WAIT).until(() -> "RECYCLED".equals(TestLeads.lead(email).getString("stage")));
        TestBatches.send(List.of(engagement(id(), TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(120)))));

        // then the open counts on the recycled row: the kept copy's score and stage are not written back
        JsonPath lead = TestLeads.awaitScore(email, 3);
        assertThat(lead.getString("stage")).isEqualTo("RECYCLED");
        assertThat(lead.getList("ledger.points", Integer.class)).containsExactly(0, 0, 3);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static double batchSizeMax() {
        String metrics = given().baseUri(ManagementInterface.baseUri()).when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("leadflow_events_batch_size_max{") && line.contains("channel=\"engagement\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .max().orElse(0);
    }
}
