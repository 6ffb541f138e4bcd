package io.leadflow.crmsync.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.crmsync.InjectWireMock;
import io.leadflow.crmsync.SignedRequests;
import io.leadflow.crmsync.SyncApi;
import io.leadflow.crmsync.TestHandoffs;
import io.leadflow.crmsync.WireMockTestResource;
import io.leadflow.events.CrmSynced;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.KafkaTestResource;
import io.leadflow.testsupport.ManagementInterface;
import io.leadflow.testsupport.PostgresTestResource;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.StandardWebhooksReceiver;
import io.leadflow.testsupport.TestRecords;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "crm_sync_test"),
        @ResourceArg(name = "schema", value = "crm_sync")})
@QuarkusTestResource(WireMockTestResource.class)
class HandoffSyncTest {

    /** One of the secrets in application.properties' test profile: a receiver that knows only it must accept. */
    private static final String RECEIVER_SECRET = "whsec_dGVzdC1jdXJyZW50LXNlY3JldC0wMTIzNDU2Nzg5YWI=";
    private static final String PREVIOUS_SECRET = "whsec_dGVzdC1wcmV2aW91cy1zZWNyZXQtMDEyMzQ1Njc4OWE=";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @InjectWireMock
    WireMockServer webhook;

    @Inject
    ObjectMapper json;

    @Test
    void handoffIsPostedOnceSignedAndAnnouncedAsSynced() throws Exception {
        // Given a receiver that answers this lead's upsert with its record id
        HandoffCreated handoff = TestHandoffs.newLead();
        String externalId = "crm-" + UUID.randomUUID();
        webhook.stubFor(post(urlEqualTo(WireMockTestResource.WEBHOOK_PATH))
                .withHeader("Idempotency-Key", equalTo(handoff.handoffId()))
                .atPriority(1)
                .willReturn(okJson("{\"id\":\"" + externalId + "\"}")));

        try (TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            // When handoff-service publishes the handoff
            TestHandoffs.publish(handoff, json);

            // Then a crm.synced event announces it, with a deterministic id, keyed by the lead, valid against its schema
            ReceivedEvent synced = syncs.awaitEvents(1, event -> isAbout(event, handoff), TIMEOUT).get(0);
            assertThat(synced.ceType()).isEqualTo(CrmSynced.TYPE);
            assertThat(synced.ceId()).isEqualTo(DeterministicIds.of(handoff.handoffId(), "webhook"));
            assertThat(synced.headers()).containsEntry("ce_source", "/leadflow/crm-sync-service");
            assertThat(synced.key()).isEqualTo(handoff.leadKey());
            assertThat(EventSchemas.validate(CrmSynced.TYPE, synced.data())).isEmpty();
            assertThat(synced.data().path("target").asText()).isEqualTo("webhook");
            assertThat(synced.data().path("externalId").asText()).isEqualTo(externalId);
        }

        // and the receiver got exactly one POST, signed, carrying the lead
        List<LoggedRequest> posts = postsOf(handoff);
        assertThat(posts).hasSize(1);
        LoggedRequest request = posts.get(0);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("webhook-id")).isEqualTo(handoff.handoffId());
        assertThat(SignedRequests.verifies(request, RECEIVER_SECRET)).isTrue();
        assertThat(SignedRequests.verifies(request, PREVIOUS_SECRET)).isTrue();
        assertThat(SignedRequests.verifies(request, "whsec_YS1zZWNyZXQtaXQtbmV2ZXItaGFkLTAxMjM0NTY3ODk=")).isFalse();
        // and a receiver verifying with npm's standardwebhooks takes that request, but not a tampered copy
        try (StandardWebhooksReceiver node = new StandardWebhooksReceiver(Path.of("target", "standardwebhooks-receiver"), RECEIVER_SECRET)) {
            assertThat(node.post(SignedRequests.webhookHeaders(request), request.getBody())).isEqualTo(204);
            byte[] tampered = request.getBodyAsString().replace(handoff.email(), "someone.else@example.com").getBytes(StandardCharsets.UTF_8);
            assertThat(node.post(SignedRequests.webhookHeaders(request), tampered)).isEqualTo(401);
            assertThat(node.verdicts()).extracting(StandardWebhooksReceiver.Verdict::verified).containsExactly(true, false);
        }
        JsonNode body = json.readTree(request.getBody());
        assertThat(body.path("event").asText()).isEqualTo("handoff.created");
        assertThat(body.path("handoffId").asText()).isEqualTo(handoff.handoffId());
        assertThat(body.path("leadId").asText()).isEqualTo(handoff.leadId());
        assertThat(body.path("email").asText()).isEqualTo(handoff.email());
        assertThat(body.path("assignee").asText()).isEqualTo(handoff.assignee());
        assertThat(body.path("score").asInt()).isEqualTo(75);
        assertThat(body.path("traits").path("company").asText()).isEqualTo("Analytical Engines");
        assertThat(body.has("profile")).as("only the record's fields are the wire body").isFalse();
        assertThat(body.path("topContributions").get(0).path("type").asText()).isEqualTo("demo.requested");

        // and the ledger shows it synced on the first attempt
        JsonPath ledger = syncsOf(handoff.leadId());
        assertThat(ledger.getList("$")).hasSize(1);
        assertThat(ledger.getString("[0].handoffId")).isEqualTo(handoff.handoffId());
        assertThat(ledger.getString("[0].status")).isEqualTo("SYNCED");
        assertThat(ledger.getString("[0].target")).isEqualTo("webhook");
        assertThat(ledger.getInt("[0].attempts")).isEqualTo(1);
        assertThat(ledger.getString("[0].externalId")).isEqualTo(externalId);
        assertThat(ledger.getString("[0].syncedAt")).isNotBlank();

        // and the sync shows in the metrics
        String metrics = given().baseUri(ManagementInterface.baseUri()).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("leadflow_crm_syncs_total\\{[^}]*outcome=\"succeeded\"[^}]*} [1-9]")
                .contains("leadflow_crm_webhook_latency_seconds_count{");
    }

    @Test
    void redeliveredHandoffIsNotPostedAgain() {
        // Given a handoff that reached the CRM
        HandoffCreated handoff = TestHandoffs.newLead();
        TestHandoffs.publish(handoff, json);
        awaitSynced(handoff);

        try (TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            // When the same event (same ce_id) is delivered again, followed by a later handoff of the same
            // lead: same key, same partition, so once the later one is synced the repeat has been consumed
            TestHandoffs.publish(handoff, json);
            HandoffCreated later = TestHandoffs.sameLead(handoff);
            TestHandoffs.publish(later, json);
            syncs.awaitEvents(1, event -> isAbout(event, later), TIMEOUT);

            // Then the repeat was neither posted nor announced again
            assertThat(postsOf(handoff)).hasSize(1);
            assertThat(syncs.collectFor(Duration.ofMillis(500))).noneMatch(event -> isAbout(event, handoff));
        }
        assertThat(syncsOf(handoff.leadId()).getList("status")).containsExactly("SYNCED", "SYNCED");
    }

    @Test
    void failingWebhookIsRetriedUntilItTakesTheLead() {
        // Given a receiver that fails twice with 500, then takes the lead
        HandoffCreated handoff = TestHandoffs.newLead();
        String scenario = "flaky receiver " + handoff.handoffId();
        stubInScenario(handoff, scenario, Scenario.STARTED, "failed once", serverError().withBody("receiver down"));
        stubInScenario(handoff, scenario, "failed once", "failed twice", serverError().withBody("still down"));
        stubInScenario(handoff, scenario, "failed twice", "accepted", okJson("{\"id\":\"crm-after-retries\"}"));

        // When the handoff is published
        TestHandoffs.publish(handoff, json);

        // Then it is synced once, after three attempts, and the ledger says why it took three
        await().atMost(TIMEOUT).until(() -> "SYNCED".equals(syncsOf(handoff.leadId()).getString("[0].status")));
        JsonPath ledger = syncsOf(handoff.leadId());
        assertThat(ledger.getInt("[0].attempts")).isEqualTo(3);
        assertThat(ledger.getString("[0].externalId")).isEqualTo("crm-after-retries");
        assertThat(ledger.getString("[0].lastError")).contains("500").contains("still down");
        assertThat(postsOf(handoff)).hasSize(3)
                .allSatisfy(post -> assertThat(post.getHeader("Idempotency-Key")).isEqualTo(handoff.handoffId()));
    }

    @Test
    void unansweredWebhookIsRetriedUntilItTakesTheLead() {
        // Given a receiver that drops the first connection, then takes the lead
        HandoffCreated handoff = TestHandoffs.newLead();
        String scenario = "unreachable receiver " + handoff.handoffId();
        stubInScenario(handoff, scenario, Scenario.STARTED, "dropped once", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        stubInScenario(handoff, scenario, "dropped once", "accepted", okJson("{\"id\":\"crm-after-reset\"}"));

        // When the handoff is published
        TestHandoffs.publish(handoff, json);

        // Then it is synced on the second attempt, and the ledger remembers the lost connection
        await().atMost(TIMEOUT).until(() -> "SYNCED".equals(syncsOf(handoff.leadId()).getString("[0].status")));
        JsonPath ledger = syncsOf(handoff.leadId());
        assertThat(ledger.getInt("[0].attempts")).isEqualTo(2);
        assertThat(ledger.getString("[0].lastError")).contains("did not answer");
        assertThat(postsOf(handoff)).hasSize(2);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheNextHandoffStillSyncs() {
        // Given a lead whose partition receives two records that can never be processed
        HandoffCreated next = TestHandoffs.newLead();
        try (TopicProbe deadLetters = TopicProbe.tail(Topics.deadLetter(Topics.HANDOFFS))) {
            TestRecords.send(Topics.HANDOFFS, next.leadKey(), Map.of(), "{this is not a CloudEvent");
            TestRecords.sendCloudEvent(Topics.HANDOFFS, next.leadKey(), UUID.randomUUID().toString(), HandoffCreated.TYPE,
                    "{\"handoffId\":\"not-a-uuid\"}");

            // When a valid handoff follows them
            TestHandoffs.publish(next, json);

            // Then both poison records are dead-lettered with a reason, and the valid one is synced
            List<ReceivedEvent> dead = deadLetters.awaitEvents(2, event -> next.leadKey().equals(event.key()), TIMEOUT);
            assertThat(dead).hasSize(2).allSatisfy(event -> assertThat(event.headers()).containsKey("dead-letter-reason"));
            assertThat(dead.get(1).headers().get("dead-letter-reason")).contains("breaks its schema");
        }
        awaitSynced(next);
        assertThat(postsOf(next)).hasSize(1);
    }

    private void stubInScenario(HandoffCreated handoff, String scenario, String state, String nextState,
            ResponseDefinitionBuilder response) {
        webhook.stubFor(post(urlEqualTo(WireMockTestResource.WEBHOOK_PATH))
                .withHeader("Idempotency-Key", equalTo(handoff.handoffId()))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs(state)
                .willSetStateTo(nextState)
                .willReturn(response));
    }

    private void awaitSynced(HandoffCreated handoff) {
        await().atMost(TIMEOUT).until(() -> syncsOf(handoff.leadId()).getList("findAll { it.status == 'SYNCED' }.handoffId")
                .contains(handoff.handoffId()));
    }

    private List<LoggedRequest> postsOf(HandoffCreated handoff) {
        return webhook.findAll(postRequestedFor(urlEqualTo(WireMockTestResource.WEBHOOK_PATH))
                .withHeader("Idempotency-Key", equalTo(handoff.handoffId())));
    }

    private static JsonPath syncsOf(String leadId) {
        return SyncApi.asMarketingOps().get("/v1/sync/{leadId}", leadId).then().statusCode(200).extract().jsonPath();
    }

    private static boolean isAbout(ReceivedEvent event, HandoffCreated handoff) {
        return event.data() != null && handoff.handoffId().equals(event.data().path("handoffId").asText());
    }
}
