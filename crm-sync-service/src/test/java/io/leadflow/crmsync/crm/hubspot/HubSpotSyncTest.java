package io.leadflow.crmsync.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.crmsync.InjectWireMock;
import io.leadflow.crmsync.Stubs;
import io.leadflow.crmsync.SyncApi;
import io.leadflow.crmsync.TestHandoffs;
import io.leadflow.events.CrmSynced;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Handoffs from Kafka to HubSpot when {@code leadflow.crm.target=hubspot}. */
@QuarkusTest
@TestProfile(HubSpotTarget.class)
class HubSpotSyncTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectWireMock
    WireMockServer hubspot;

    @Inject
    ObjectMapper json;

    @Test
    void handoffBecomesAHubSpotContactAndIsAnnouncedAsSynced() {
        // Given a handoff
        HandoffCreated handoff = TestHandoffs.newLead();

        try (TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            // When handoff-service publishes it
            TestHandoffs.publish(handoff, json);

            // Then crm.synced names HubSpot and the contact id, with the target's deterministic id, valid against its schema
            ReceivedEvent synced = syncs.awaitEvents(1,
                    event -> event.data() != null && handoff.handoffId().equals(event.data().path("handoffId").asText()), TIMEOUT).get(0);
            assertThat(synced.ceId()).isEqualTo(DeterministicIds.of(handoff.handoffId(), "hubspot"));
            assertThat(EventSchemas.validate(CrmSynced.TYPE, synced.data())).isEmpty();
            assertThat(synced.data().path("target").asText()).isEqualTo("hubspot");
            assertThat(synced.data().path("externalId").asText()).isEqualTo("hs-" + handoff.email());
        }
        assertThat(callsFor(handoff)).hasSize(1);
        assertThat(ledgerOf(handoff).getString("[0].target")).isEqualTo("hubspot");
    }

    @Test
    void rateLimitedCallIsRetriedAfterTheWaitHubSpotAskedFor() {
        // Given HubSpot answers this lead's first call 429 with Retry-After: 1
        HandoffCreated handoff = TestHandoffs.newLead();
        Stubs.add(hubspot, "hubspot/batch-upsert-429-burst.json", Map.of("email", handoff.email(), "scenario", "burst " + handoff.handoffId()));

        // When the handoff is published
        TestHandoffs.publish(handoff, json);

        // Then it is synced on the second attempt, which came no sooner than a second after the first
        await().atMost(TIMEOUT).until(() -> "SYNCED".equals(ledgerOf(handoff).getString("[0].status")));
        JsonPath ledger = ledgerOf(handoff);
        assertThat(ledger.getInt("[0].attempts")).isEqualTo(2);
        assertThat(ledger.getString("[0].lastError")).contains("429");
        List<LoggedRequest> calls = callsFor(handoff);
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0).getLoggedDate().toInstant(), calls.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    private List<LoggedRequest> callsFor(HandoffCreated handoff) {
        List<LoggedRequest> calls = new java.util.ArrayList<>(hubspot.findAll(postRequestedFor(urlEqualTo(HubSpotAdapter.BATCH_UPSERT_PATH))
                .withRequestBody(matchingJsonPath("$.inputs[?(@.id == '" + handoff.email() + "')]"))));
        calls.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return calls;
    }

    private static JsonPath ledgerOf(HandoffCreated handoff) {
        return SyncApi.asMarketingOps().get("/v1/sync/{leadId}", handoff.leadId()).then().statusCode(200).extract().jsonPath();
    }
}
