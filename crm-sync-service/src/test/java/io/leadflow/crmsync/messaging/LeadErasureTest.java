package io.leadflow.crmsync.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.crmsync.InjectWireMock;
import io.leadflow.crmsync.SignedRequests;
import io.leadflow.crmsync.Stubs;
import io.leadflow.crmsync.SyncApi;
import io.leadflow.crmsync.TestHandoffs;
import io.leadflow.crmsync.WireMockTestResource;
import io.leadflow.crmsync.domain.CrmReceipt;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.persistence.SyncLedger;
import io.leadflow.crmsync.persistence.SyncRecord;
import io.leadflow.events.ErasedKeyHash;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.LeadErased;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TestRecords;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A lead erased on request ({@code lead.erased.v2}) is deleted from every CRM Leadflow wrote it to,
 * its ledger entries are anonymized, and each entry shows what the erasure did. The service writes
 * to the webhook here; the lead was written to HubSpot, Salesforce and Pipedrive before (their
 * settings are all present in %test, so each counts as configured).
 */
@QuarkusTest
class LeadErasureTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String HANDOFF_DEAD_LETTERS = Topics.deadLetter(Topics.HANDOFFS);

    @InjectWireMock
    WireMockServer crm;

    @Inject
    SyncLedger ledger;

    @Inject
    ObjectMapper json;

    @Inject
    ErasedKeyHash keyHash;

    @Test
    void anErasedLeadIsDeletedInEveryCrmItWasWrittenToAndAnonymizedInTheLedger() throws Throwable {
        // Given a lead synced through the webhook, and written to HubSpot, Salesforce and Pipedrive by earlier handoffs
        HandoffCreated handoff = TestHandoffs.newLead();
        long personId = syncedEverywhere(handoff);
        Map<String, String> pipedrive = Map.of("personId", Long.toString(personId), "handoffId", "an-earlier-handoff");
        Stubs.add(crm, "pipedrive/leads-of-person-first-page.json", pipedrive);
        Stubs.add(crm, "pipedrive/leads-of-person-with-handoff.json", pipedrive);

        // When scoring-service publishes its erasure
        String erasureId = UUID.randomUUID().toString();
        publishErasure(erasureId, handoff);

        // Then every entry says the lead was erased in its CRM, by whom
        await().atMost(TIMEOUT).until(() -> ledgerOf(handoff).getList("findAll { it.erasure?.outcome == 'ERASED' }").size() == 4);
        JsonPath entries = ledgerOf(handoff);
        assertThat(entries.getList("target", String.class)).containsExactlyInAnyOrder("webhook", "hubspot", "salesforce", "pipedrive");
        assertThat(entries.getList("erasure.requestedBy", String.class)).containsOnly("dpo-ticket-4711");

        // and HubSpot GDPR-deleted the contact by email
        assertThat(crm.findAll(postRequestedFor(urlEqualTo("/crm/v3/objects/contacts/gdpr-delete"))
                .withRequestBody(matchingJsonPath("$[?(@.objectId == '" + handoff.email() + "' && @.idProperty == 'email')]")))).hasSize(1);
        // and Salesforce deleted the Lead by its Id
        assertThat(crm.findAll(deleteRequestedFor(urlEqualTo("/services/data/v62.0/sobjects/Lead/00Q-" + handoff.leadId())))).hasSize(1);
        // and Pipedrive deleted the person's two leads (both pages), then the person
        assertThat(crm.findAll(deleteRequestedFor(urlEqualTo("/v1/leads/0a1b2c3d-0e10-11eb-879b-05d71fb426ec")))).isNotEmpty();
        assertThat(crm.findAll(deleteRequestedFor(urlEqualTo("/v1/leads/adf21080-0e10-11eb-879b-05d71fb426ec")))).isNotEmpty();
        assertThat(crm.findAll(deleteRequestedFor(urlEqualTo("/v1/persons/" + personId)))).hasSize(1);
        // and the webhook receiver got a signed erasure notice, keyed by the erasure
        List<LoggedRequest> notices = crm.findAll(postRequestedFor(urlEqualTo(WireMockTestResource.WEBHOOK_PATH))
                .withHeader("Idempotency-Key", equalTo(erasureId)));
        assertThat(notices).hasSize(1);
        JsonNode notice = json.readTree(notices.get(0).getBody());
        assertThat(notice.path("event").asText()).isEqualTo("lead.erased");
        assertThat(notice.path("leadId").asText()).isEqualTo(handoff.leadId());
        assertThat(notices.get(0).getHeader("webhook-id")).isEqualTo(erasureId);
        assertThat(SignedRequests.verifies(notices.get(0), "whsec_dGVzdC1jdXJyZW50LXNlY3JldC0wMTIzNDU2Nzg5YWI=")).isTrue();

        // and nothing in the ledger names the person any more
        String answer = SyncApi.asMarketingOps().get("/v1/sync/{leadId}", handoff.leadId()).then().statusCode(200).extract().asString();
        assertThat(answer).doesNotContain(handoff.email());
        SyncRecord entry = VertxContextSupport.subscribeAndAwait(() -> ledger.find(handoff.handoffId()));
        assertThat(entry.leadKey()).isEqualTo("erased:" + handoff.leadId()).doesNotContain("@");
        assertThat(entry.request()).isNull();
        assertThat(entry.externalId()).isNull();

        // When the erasure is delivered again
        publishErasure(erasureId, handoff);

        // Then no CRM is called again
        await().during(Duration.ofSeconds(2)).atMost(TIMEOUT).until(() -> crm.findAll(postRequestedFor(urlEqualTo("/crm/v3/objects/contacts/gdpr-delete"))
                .withRequestBody(matchingJsonPath("$[?(@.objectId == '" + handoff.email() + "')]"))).size() == 1);
        assertThat(ledgerOf(handoff).getList("erasure.outcome", String.class)).containsOnly("ERASED");
    }

    @Test
    void anErasedLeadsOldHandoffsReplayedOrRetriedFromTheDeadLettersAreNeverWrittenToTheCrm() throws Throwable {
        // Given a lead synced through the webhook, with two more handoffs made before its erasure: one that will be
        // replayed, and one that had been dead-lettered (say, the database was down then)
        HandoffCreated handoff = TestHandoffs.newLead();
        TestHandoffs.publish(handoff, json);
        await().atMost(TIMEOUT).until(() -> "SYNCED".equals(ledgerOf(handoff).getString("[0].status")));
        HandoffCreated replayed = TestHandoffs.sameLead(handoff);
        HandoffCreated deadLettered = TestHandoffs.sameLead(handoff);
        TestRecords.send(HANDOFF_DEAD_LETTERS, deadLettered.leadKey(), Map.of("ce_specversion", "1.0", "ce_id", deadLettered.handoffId(),
                "ce_type", HandoffCreated.TYPE, "ce_source", "/leadflow/handoff", "content-type", "application/json",
                "dead-letter-topic", Topics.HANDOFFS, "dead-letter-reason", "the database did not answer"), json.writeValueAsString(deadLettered));
        Map<String, Object> letter = awaitDeadLetter(deadLettered.handoffId());

        // and the lead erased
        publishErasure(UUID.randomUUID().toString(), handoff);
        await().atMost(TIMEOUT).until(() -> ledgerOf(handoff).getList("findAll { it.erasure?.outcome == 'ERASED' }").size() == 1);

        // When the old handoff is replayed onto the topic, and an admin retries the dead letter, which goes back to it
        TestHandoffs.publish(replayed, json);
        SyncApi.asAdmin().post("/v1/ops/dead-letters/{topic}/{partition}/{offset}/retry", HANDOFF_DEAD_LETTERS, letter.get("partition"),
                letter.get("offset")).then().statusCode(200).body("republishedTo", is(Topics.HANDOFFS));
        // and then the address is handed off again after its erasure: a new lead (same key, so same partition, after both)
        HandoffCreated comeback = TestHandoffs.sameLead(handoff);
        TestHandoffs.publish(comeback, json);
        await().atMost(TIMEOUT).until(() -> crmCallsCarrying(comeback.handoffId()) == 1);

        // Then neither old handoff reached the CRM nor the ledger
        assertThat(crmCallsCarrying(replayed.handoffId())).isZero();
        assertThat(crmCallsCarrying(deadLettered.handoffId())).isZero();
        assertThat(VertxContextSupport.<SyncRecord>subscribeAndAwait(() -> ledger.find(replayed.handoffId()))).isNull();
        assertThat(VertxContextSupport.<SyncRecord>subscribeAndAwait(() -> ledger.find(deadLettered.handoffId()))).isNull();
    }

    @Test
    void aCrmThatKeepsFailingIsRecordedAsFailedWhileTheOthersAreErased() throws Throwable {
        // Given a lead in the webhook's CRM and in Pipedrive, whose person Pipedrive cannot delete (500, every time)
        HandoffCreated handoff = TestHandoffs.newLead();
        long personId = syncedEverywhere(handoff);
        Stubs.add(crm, "pipedrive/persons-delete-500.json", Map.of("personId", Long.toString(personId)));

        // When the lead is erased
        publishErasure(UUID.randomUUID().toString(), handoff);

        // Then after its retry budget (4 attempts in %test) Pipedrive's entry says FAILED with the answer; the others are ERASED
        await().atMost(TIMEOUT).until(() -> ledgerOf(handoff).getList("findAll { it.erasure != null }").size() == 4);
        JsonPath entries = ledgerOf(handoff);
        assertThat(entries.getString("find { it.target == 'pipedrive' }.erasure.outcome")).isEqualTo("FAILED");
        assertThat(entries.getString("find { it.target == 'pipedrive' }.erasure.detail")).contains("500");
        assertThat(entries.getList("findAll { it.target != 'pipedrive' }.erasure.outcome", String.class)).containsOnly("ERASED");
        assertThat(crm.findAll(deleteRequestedFor(urlEqualTo("/v1/persons/" + personId)))).hasSize(4);
        // and the failed CRM's entry is anonymized too: the ledger keeps no email, whatever the CRM did
        assertThat(SyncApi.asMarketingOps().get("/v1/sync/{leadId}", handoff.leadId()).then().extract().asString()).doesNotContain(handoff.email());
    }

    @Test
    void anErasureThatBreaksTheContractGoesToItsDeadLetterTopic() {
        try (TopicProbe dead = TopicProbe.tail(Topics.deadLetter(Topics.ERASURE))) {
            // When a lead.erased.v2 without the required fields arrives
            String id = UUID.randomUUID().toString();
            TestRecords.sendCloudEvent(Topics.ERASURE, "someone@example.com", id, LeadErased.TYPE, "{\"leadKey\":\"someone@example.com\"}");

            // Then it is dead-lettered, saying why
            ReceivedEvent record = dead.awaitEvents(1, event -> id.equals(event.headers().get("ce_id")), TIMEOUT).get(0);
            assertThat(record.headers().get("dead-letter-reason")).contains("breaks its schema");
        }
    }

    /** Syncs the handoff through the webhook and records earlier writes of the lead to HubSpot, Salesforce and Pipedrive; answers the Pipedrive person id. */
    private long syncedEverywhere(HandoffCreated handoff) throws Throwable {
        TestHandoffs.publish(handoff, json);
        await().atMost(TIMEOUT).until(() -> "SYNCED".equals(ledgerOf(handoff).getString("[0].status")));
        long personId = ThreadLocalRandom.current().nextLong(1_000, 1_000_000_000);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> ledger
                .recordSuccess(earlier(handoff), CrmTarget.HUBSPOT, new CrmReceipt("hs-" + handoff.email(), at))
                .flatMap(done -> ledger.recordSuccess(earlier(handoff), CrmTarget.SALESFORCE, new CrmReceipt("00Q-" + handoff.leadId(), at)))
                .flatMap(done -> ledger.recordSuccess(earlier(handoff), CrmTarget.PIPEDRIVE, new CrmReceipt(Long.toString(personId), at)))));
        return personId;
    }

    private static LeadUpsert earlier(HandoffCreated handoff) {
        return LeadUpsert.of(TestHandoffs.sameLead(handoff));
    }

    private void publishErasure(String erasureId, HandoffCreated handoff) throws JsonProcessingException {
        String data = json.writeValueAsString(new LeadErased(handoff.leadId(), List.of(keyHash.of(handoff.leadKey()), keyHash.of("anon:a-7f3c")),
                "dpo-ticket-4711", "subject request", Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        assertThat(EventSchemas.validate(LeadErased.TYPE, json.readTree(data))).isEmpty();
        TestRecords.sendCloudEvent(Topics.ERASURE, handoff.leadId(), erasureId, LeadErased.TYPE, data);
    }

    private long crmCallsCarrying(String handoffId) {
        return crm.findAll(postRequestedFor(urlEqualTo(WireMockTestResource.WEBHOOK_PATH)).withRequestBody(containing(handoffId))).size();
    }

    private static Map<String, Object> awaitDeadLetter(String ceId) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> SyncApi.asAdmin().queryParam("limit", 100).get("/v1/ops/dead-letters")
                        .then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("topics.find { it.topic == '" + HANDOFF_DEAD_LETTERS + "' }.latest")
                        .stream().filter(letter -> String.valueOf(letter.get("headers")).contains(ceId)).findFirst().orElse(null),
                        letter -> letter != null);
    }

    private static JsonPath ledgerOf(HandoffCreated handoff) {
        return SyncApi.asMarketingOps().get("/v1/sync/{leadId}", handoff.leadId()).then().statusCode(200).extract().jsonPath();
    }
}
