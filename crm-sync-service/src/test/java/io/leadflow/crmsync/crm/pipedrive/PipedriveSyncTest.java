package io.leadflow.crmsync.crm.pipedrive;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
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

/** Handoffs from Kafka to Pipedrive when {@code leadflow.crm.target=pipedrive}. */
@QuarkusTest
@TestProfile(PipedriveTarget.class)
class PipedriveSyncTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectWireMock
    WireMockServer pipedrive;

    @Inject
    ObjectMapper json;

    @Test
    void aRateLimitedRedeliveredHandoffEndsAsOnePersonOneLeadAndOneAnnouncement() {
        // Given Pipedrive answers the first attempt to create this lead's person 429
        HandoffCreated handoff = TestHandoffs.newLead();
        Stubs.add(pipedrive, "pipedrive/persons-add-429.json", Map.of("email", handoff.email(), "scenario", "limit " + handoff.handoffId()));

        try (TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            // When the handoff is delivered, and delivered again
            TestHandoffs.publish(handoff, json);
            TestHandoffs.publish(handoff, json);

            // Then it is announced once, naming Pipedrive and the person, valid against its schema
            await().atMost(TIMEOUT).until(() -> "SYNCED".equals(ledgerOf(handoff).getString("[0].status")));
            List<ReceivedEvent> announced = syncs.collectFor(Duration.ofSeconds(2)).stream()
                    .filter(event -> event.data() != null && handoff.handoffId().equals(event.data().path("handoffId").asText()))
                    .toList();
            assertThat(announced).hasSize(1);
            assertThat(announced.get(0).ceId()).isEqualTo(DeterministicIds.of(handoff.handoffId(), "pipedrive"));
            assertThat(EventSchemas.validate(CrmSynced.TYPE, announced.get(0).data())).isEmpty();
            assertThat(announced.get(0).data().path("target").asText()).isEqualTo("pipedrive");
        }

        // and the ledger shows the retried attempt; the person was created once (the first try was refused) and got one lead
        JsonPath ledger = ledgerOf(handoff);
        assertThat(ledger.getList("$")).hasSize(1);
        assertThat(ledger.getInt("[0].attempts")).isEqualTo(2);
        assertThat(ledger.getString("[0].lastError")).contains("429");
        assertThat(pipedrive.findAll(postRequestedFor(urlPathEqualTo(PipedriveAdapter.PERSONS_PATH))
                .withRequestBody(matchingJsonPath("$.email[?(@.value == '" + handoff.email() + "')]"))))
                .hasSize(2);
        assertThat(pipedrive.findAll(postRequestedFor(urlPathEqualTo(PipedriveAdapter.LEADS_PATH))
                .withRequestBody(matchingJsonPath("$[?(@.origin_id == '" + handoff.handoffId() + "')]"))))
                .hasSize(1);
        assertThat(ledger.getString("[0].externalId")).isNotBlank();
    }

    private static JsonPath ledgerOf(HandoffCreated handoff) {
        return SyncApi.asMarketingOps().get("/v1/sync/{leadId}", handoff.leadId()).then().statusCode(200).extract().jsonPath();
    }
}
