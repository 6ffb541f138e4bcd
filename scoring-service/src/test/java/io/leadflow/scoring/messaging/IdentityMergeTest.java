package io.leadflow.scoring.messaging;

import static io.leadflow.scoring.TestEngagements.anonymous;
import static io.leadflow.scoring.TestEngagements.identify;
import static io.leadflow.scoring.TestEngagements.send;
import static io.leadflow.scoring.TestEngagements.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.DeterministicIds;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.LeadScored;
import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.Topics;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.TestLeads;
import io.leadflow.scoring.Tokens;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdentityMergeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant MORNING = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void anIdentifiedVisitorsHistoryBecomesTheLeadsAndQualifiesIt() {
        try (TopicProbe scores = TopicProbe.tail(Topics.LEAD_SCORES); TopicProbe lifecycle = TopicProbe.tail(Topics.LIFECYCLE)) {
            // given an anonymous visitor who viewed the pricing page and requested a demo through the demo form
            String visitor = "v-" + UUID.randomUUID();
            String pricing = send(anonymous(visitor, EngagementType.PAGE_VIEWED, MORNING, Map.of("url", "https://example.com/pricing")));
            String demo = send(anonymous(visitor, EngagementType.DEMO_REQUESTED, MORNING.plusSeconds(60), Map.of("formId", "demo-request")));
            ReceivedEvent anonymousScore = scores.awaitEvents(1,
                    event -> DeterministicIds.of(demo, "score").equals(event.ceId()), WAIT).get(0);
            String anonymousLeadId = anonymousScore.data().get("leadId").asText();
            assertThat(anonymousScore.data().get("stage").asText()).isEqualTo("SUBSCRIBER");
            // and a known lead with an email open of its own
            String email = uniqueEmail("ada");
            String opened = send(TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(120)));
            TestLeads.awaitScore(email, 3);

            // when the visitor identifies as that lead, a VP in GB (fit 45: grade B)
            String identified = UUID.randomUUID().toString();
            identify(identified, email, visitor, MORNING.plusSeconds(180), Map.of("jobTitle", "VP Sales", "country", "GB"));

            // then the anonymous history is the known lead's, re-scored with its traits: 5 + 15 + 20 + 50 + 3 = 93
            JsonPath lead = TestLeads.awaitScore(email, 93);
            assertThat(lead.getList("ledger.eventId")).containsExactly(pricing, pricing, demo, demo, opened);
            assertThat(lead.getString("grade")).isEqualTo("B");
            assertThat(lead.getMap("traits")).containsEntry("jobTitle", "VP Sales");
            // and the anonymous lead is gone
            given().header("Authorization", Tokens.ADMIN).when().get("/v1/leads/" + anonymousLeadId + "/score").then().statusCode(404);
            // and the new score is announced, caused by the identification
            String leadId = lead.getString("id");
            ReceivedEvent rescored = scores.awaitEvents(1,
                    event -> DeterministicIds.of(identified, leadId, "score").equals(event.ceId()), WAIT).get(0);
            assertThat(EventSchemas.validate(LeadScored.TYPE, rescored.data())).isEmpty();
            assertThat(rescored.key()).isEqualTo(email);
            assertThat(rescored.data().get("score").asInt()).isEqualTo(93);
            assertThat(rescored.data().get("delta").asInt()).isEqualTo(90);
            assertThat(rescored.data().get("causeEventId").asText()).isEqualTo(identified);

            // when the identification is delivered again, and the visitor (still anonymous to the browser) starts a trial
            identify(identified, email, visitor, MORNING.plusSeconds(180), Map.of("jobTitle", "VP Sales", "country", "GB"));
            String trial = send(anonymous(visitor, EngagementType.TRIAL_STARTED, MORNING.plusSeconds(240), Map.of()));

            // then the redelivery changed nothing and the trial counts for the known lead, which becomes an MQL
            lead = TestLeads.awaitScore(email, 123);
            assertThat(lead.getList("ledger.eventId")).containsExactly(pricing, pricing, demo, demo, opened, trial);
            assertThat(lead.getString("stage")).isEqualTo("MQL");
            ReceivedEvent mql = lifecycle.awaitEvents(1, event -> email.equals(event.key()), WAIT).get(0);
            assertThat(mql.ceId()).isEqualTo(DeterministicIds.of(leadId, "MQL"));
            assertThat(EventSchemas.validate(LeadStageChanged.TYPE, mql.data())).isEmpty();
            assertThat(mql.data().get("causeEventId").asText()).isEqualTo(trial);
        }
    }

    @Test
    void aFormPostNamingTheVisitorStitchesItsAnonymousHistoryOnce() {
        try (TopicProbe scores = TopicProbe.tail(Topics.LEAD_SCORES)) {
            // given an anonymous visitor who viewed the pricing page (5 + 15)
            String visitor = "v-" + UUID.randomUUID();
            String pricing = send(anonymous(visitor, EngagementType.PAGE_VIEWED, MORNING, Map.of("url", "https://example.com/pricing")));
            String anonymousLeadId = scores.awaitEvents(1, event -> DeterministicIds.of(pricing, "score").equals(event.ceId()), WAIT)
                    .get(0).data().get("leadId").asText();

            // when the visitor posts the demo form, which carries both the email and the snippet's anonymous id
            String email = uniqueEmail("stitched");
            String demo = send(named(email, visitor, EngagementType.DEMO_REQUESTED, MORNING.plusSeconds(60), Map.of("formId", "demo-request")));

            // then the page view is the known lead's, before the demo request (20 + 20 + 50), and the anonymous lead is gone
            JsonPath lead = TestLeads.awaitScore(email, 5 + 15 + 20 + 50);
            assertThat(lead.getList("ledger.eventId")).containsExactly(pricing, pricing, demo, demo);
            given().header("Authorization", Tokens.ADMIN).when().get("/v1/leads/" + anonymousLeadId + "/score").then().statusCode(404);

            // when the signed-in visitor opens an email, again naming both
            String opened = send(named(email, visitor, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(120), Map.of()));

            // then it counts once on top, and the history is not stitched again
            lead = TestLeads.awaitScore(email, 5 + 15 + 20 + 50 + 3);
            assertThat(lead.getList("ledger.eventId")).containsExactly(pricing, pricing, demo, demo, opened);
        }
    }

    private static EngagementCaptured named(String email, String anonymousId, EngagementType type, Instant at, Map<String, Object> properties) {
        return new EngagementCaptured(email, type, email, anonymousId, at, "form:demo-request", properties, Map.of(), false, null);
    }

    @Test
    void anIdentificationThatMakesTheGradeQualifiesALeadWhoseScoreWasThere() {
        try (TopicProbe lifecycle = TopicProbe.tail(Topics.LIFECYCLE)) {
            // given a lead with engagement enough (50 + 20 + 30 = 100) but no traits (grade D)
            String email = uniqueEmail("grace");
            send(TestEngagements.with(email, EngagementType.DEMO_REQUESTED, MORNING, Map.of("formId", "demo-request")));
            send(TestEngagements.of(email, EngagementType.TRIAL_STARTED, MORNING.plusSeconds(60)));
            assertThat(TestLeads.awaitScore(email, 100).getString("stage")).isEqualTo("LEAD");

            // when an identification tells she is a director in the US (fit 45: grade B)
            String identified = UUID.randomUUID().toString();
            identify(identified, email, "v-" + UUID.randomUUID(), MORNING.plusSeconds(120), Map.of("jobTitle", "Director", "country", "US"));

            // then she is an MQL, announced once with the identification as its cause
            ReceivedEvent mql = lifecycle.awaitEvents(1, event -> email.equals(event.key()), WAIT).get(0);
            assertThat(mql.data().get("from").asText()).isEqualTo("LEAD");
            assertThat(mql.data().get("to").asText()).isEqualTo("MQL");
            assertThat(mql.data().get("causeEventId").asText()).isEqualTo(identified);
            assertThat(TestLeads.awaitScore(email, 100).getString("grade")).isEqualTo("B");
        }
    }

    @Test
    void oneNormalizedEmailIsOneLeadWhateverKeyTheRecordCarries() {
        // given two engagements whose emails differ only in case, keyed as written
        String email = uniqueEmail("hedy");
        String shouted = email.toUpperCase(java.util.Locale.ROOT);
        String first = send(new EngagementCaptured(shouted, EngagementType.EMAIL_OPENED, shouted, null, MORNING, "api", Map.of(), Map.of(),
                false, null));
        String second = send(TestEngagements.of(email, EngagementType.EMAIL_CLICKED, MORNING.plusSeconds(60)));

        // then both count for one lead, keyed by the normalized email
        JsonPath lead = TestLeads.awaitScore(email, 3 + 5);
        assertThat(lead.getString("leadKey")).isEqualTo(email);
        assertThat(lead.getList("ledger.eventId")).containsExactly(first, second);
        assertThat(lead.getString("email")).isEqualTo(email);
    }
}
