package io.leadflow.crmsync.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.crmsync.InjectWireMock;
import io.leadflow.crmsync.SyncApi;
import io.leadflow.crmsync.TestHandoffs;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.persistence.SyncLedger;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The crash window: the service called HubSpot, HubSpot took the contact, and the service died
 * before it committed. After the restart the handoff is redelivered and sent again; because the
 * write is an upsert keyed by email, the lead is still one contact, and it is announced once.
 */
@QuarkusTest
@TestProfile(HubSpotTarget.class)
class RestartMidCallTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectWireMock
    WireMockServer hubspot;

    @Inject
    HubSpotAdapter adapter;

    @Inject
    SyncLedger ledger;

    @Inject
    ObjectMapper json;

    @Test
    void redeliveryAfterACrashBetweenCallAndCommitLeavesOneContactAndOneAnnouncement() throws Throwable {
        // Given the state a crash leaves: HubSpot took the contact (the call before the crash), the
        // ledger counted an attempt but never recorded the success, and the offset was not committed
        HandoffCreated handoff = TestHandoffs.newLead();
        LeadUpsert lead = LeadUpsert.of(handoff);
        String contactBeforeCrash = adapter.upsert(lead).await().atMost(TIMEOUT).externalId();
        String request = json.writeValueAsString(lead);
        VertxContextSupport.subscribeAndAwait(() -> ledger.recordFailure(lead, CrmTarget.HUBSPOT, request,
                "crashed before the commit", Instant.now()));
        assertThat(ledgerOf(handoff).getString("[0].status")).isEqualTo("RETRYING");

        try (TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            // When the restarted service gets the handoff again, twice (redelivery of an uncommitted offset can repeat)
            TestHandoffs.publish(handoff, json);
            TestHandoffs.publish(handoff, json);

            // Then it is announced once, and the ledger shows one SYNCED entry with the same contact
            await().atMost(TIMEOUT).until(() -> "SYNCED".equals(ledgerOf(handoff).getString("[0].status")));
            List<ReceivedEvent> announced = syncs.collectFor(Duration.ofSeconds(2)).stream()
                    .filter(event -> event.data() != null && handoff.handoffId().equals(event.data().path("handoffId").asText()))
                    .toList();
            assertThat(announced).hasSize(1);
        }
        JsonPath entries = ledgerOf(handoff);
        assertThat(entries.getList("$")).hasSize(1);
        assertThat(entries.getString("[0].externalId")).isEqualTo(contactBeforeCrash);
        assertThat(entries.getInt("[0].attempts")).isEqualTo(2);

        // and every call for the lead upserted the same contact: keyed by its email, so HubSpot holds one record
        List<LoggedRequest> calls = hubspot.findAll(postRequestedFor(urlEqualTo(HubSpotAdapter.BATCH_UPSERT_PATH))
                .withRequestBody(matchingJsonPath("$.inputs[?(@.id == '" + handoff.email() + "')]")));
        assertThat(calls).hasSize(2);
        for (LoggedRequest call : calls) {
            JsonNode input = json.readTree(call.getBody()).path("inputs").get(0);
            assertThat(input.path("idProperty").asText()).isEqualTo("email");
            assertThat(input.path("id").asText()).isEqualTo(handoff.email());
        }
    }

    @Test
    void aSecondHandoffOfTheSameLeadUpdatesTheSameContact() {
        // Given a lead handed off, recycled and handed off again
        HandoffCreated first = TestHandoffs.newLead();
        HandoffCreated second = TestHandoffs.sameLead(first);

        // When both are synced
        TestHandoffs.publish(first, json);
        TestHandoffs.publish(second, json);
        await().atMost(TIMEOUT).until(() -> ledgerOf(first).getList("findAll { it.status == 'SYNCED' }").size() == 2);

        // Then both ledger entries name the same HubSpot contact
        assertThat(ledgerOf(first).getList("externalId", String.class)).containsOnly("hs-" + first.email());
    }

    private static JsonPath ledgerOf(HandoffCreated handoff) {
        return SyncApi.asMarketingOps().get("/v1/sync/{leadId}", handoff.leadId()).then().statusCode(200).extract().jsonPath();
    }
}
