package io.leadflow.crmsync.crm.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.crmsync.InjectWireMock;
import io.leadflow.crmsync.Stubs;
import io.leadflow.crmsync.TestHandoffs;
import io.leadflow.crmsync.domain.ConsumedHandoff;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.domain.SyncPlan;
import io.leadflow.crmsync.domain.UpsertOutcome;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Salesforce adapter against a stand-in that answers as Salesforce documents (stubs in src/test/resources/wiremock/salesforce). */
@QuarkusTest
class SalesforceAdapterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String UPSERT_PATH = SalesforceAdapter.upsertPath("v62.0", "Leadflow_Lead_Id__c");

    @InjectWireMock
    WireMockServer salesforce;

    @Inject
    SalesforceAdapter adapter;

    @Inject
    ObjectMapper json;

    @Test
    void upsertsLeadsByExternalIdInCollectionsOfAtMostTwoHundred() throws Exception {
        // Given 250 leads, the first assigned to a rep with a Salesforce user id
        List<LeadUpsert> leads = new ArrayList<>(IntStream.range(0, 250).mapToObj(i -> LeadUpsert.of(TestHandoffs.newLead())).toList());
        leads.set(0, LeadUpsert.of(TestHandoffs.newLeadAssignedTo("rep-salesforce")));

        // When they are upserted together
        List<UpsertOutcome> outcomes = adapter.upsertAll(leads).await().atMost(TIMEOUT);

        // Then each is taken, in order, with its Lead id
        assertThat(outcomes).hasSize(250).allMatch(UpsertOutcome::isAccepted);
        assertThat(outcomes.get(249).receipt().externalId()).isEqualTo("00Q-" + leads.get(249).leadId());

        // and two collection calls were made, of 200 and 50 records, keyed by the lead id, all or none off
        List<LoggedRequest> calls = callsWith(leads.get(0).leadId());
        calls.addAll(callsWith(leads.get(249).leadId()));
        assertThat(calls).extracting(call -> call.getHeader("Authorization")).containsOnly("Bearer fresh-access-token");
        JsonNode body = json.readTree(calls.get(calls.size() - 2).getBody());
        assertThat(body.path("allOrNone").asBoolean(true)).isFalse();
        assertThat(body.path("records")).hasSize(200);
        assertThat(json.readTree(calls.get(calls.size() - 1).getBody()).path("records")).hasSize(50);
        JsonNode record = body.path("records").get(0);
        assertThat(record.path("attributes").path("type").asText()).isEqualTo("Lead");
        assertThat(record.path("Leadflow_Lead_Id__c").asText()).isEqualTo(leads.get(0).leadId());
        assertThat(record.path("Email").asText()).isEqualTo(leads.get(0).email());
        assertThat(record.path("Status").asText()).isEqualTo("Open - Not Contacted");
        assertThat(record.path("OwnerId").asText()).isEqualTo("005x00000012Q9PAAU");
        assertThat(record.path("FirstName").asText()).isEqualTo("Ada");
        assertThat(record.path("LastName").asText()).isEqualTo("Lovelace");
        assertThat(record.path("Company").asText()).isEqualTo("Analytical Engines");
        assertThat(record.path("Title").asText()).isEqualTo("VP Engineering");
        assertThat(body.path("records").get(1).has("OwnerId")).isFalse();
    }

    @Test
    void aPollIsWrittenInOneCollectionCallPerTwoHundredHandoffs() throws Exception {
        // Given a poll of 450 handoffs, cut as the consumer cuts it at the adapter's batch size
        List<ConsumedHandoff> polled = IntStream.range(0, 450).mapToObj(i -> LeadUpsert.of(TestHandoffs.newLead()))
                .map(lead -> new ConsumedHandoff(lead.handoffId(), lead, "{}", Instant.now())).toList();
        List<List<ConsumedHandoff>> chunks = SyncPlan.nextRound(polled, adapter.batchSize());

        // When each chunk is written with one upsertAll, as HandoffSync does
        for (List<ConsumedHandoff> chunk : chunks) {
            List<UpsertOutcome> outcomes = adapter.upsertAll(chunk.stream().map(ConsumedHandoff::lead).toList()).await().atMost(TIMEOUT);
            assertThat(outcomes).allMatch(UpsertOutcome::isAccepted);
        }

        // Then Salesforce saw three collection calls, of 200, 200 and 50 Leads, one per chunk
        assertThat(adapter.batchSize()).isEqualTo(200);
        List<Integer> recordsPerCall = new ArrayList<>();
        for (List<ConsumedHandoff> chunk : chunks) {
            List<LoggedRequest> calls = callsWith(chunk.get(0).lead().leadId());
            assertThat(calls).hasSize(1);
            recordsPerCall.add(json.readTree(calls.get(0).getBody()).path("records").size());
        }
        assertThat(recordsPerCall).containsExactly(200, 200, 50);
    }

    @Test
    void aLeadWithoutNameOrCompanyGetsWebToLeadsPlaceholderForTheRequiredFields() throws Exception {
        // Given a lead that gave no traits
        LeadUpsert lead = LeadUpsert.of(TestHandoffs.newLeadWithTraits(Map.of()));
        // (whichever test runs first meets the configured expired session; this one may too)
        Stubs.add(salesforce, "salesforce/lead-upsert-401-invalid-session.json",
                Map.of("leadId", lead.leadId(), "scenario", "expired " + lead.handoffId()));

        // When it is upserted
        adapter.upsert(lead).await().atMost(TIMEOUT);

        // Then LastName and Company, which Lead requires, say "[not provided]" and the optional fields are left out
        List<LoggedRequest> calls = callsWith(lead.leadId());
        JsonNode record = json.readTree(calls.get(calls.size() - 1).getBody()).path("records").get(0);
        assertThat(record.path("LastName").asText()).isEqualTo("[not provided]");
        assertThat(record.path("Company").asText()).isEqualTo("[not provided]");
        assertThat(record.has("FirstName")).isFalse();
        assertThat(record.has("Title")).isFalse();
    }

    @Test
    void expiredSessionIsRefreshedAndTheCallMadeAgain() {
        // Given Salesforce says this lead's call carries an expired session (401 INVALID_SESSION_ID)
        LeadUpsert lead = LeadUpsert.of(TestHandoffs.newLead());
        Stubs.add(salesforce, "salesforce/lead-upsert-401-invalid-session.json",
                Map.of("leadId", lead.leadId(), "scenario", "expired " + lead.handoffId()));
        int refreshesBefore = tokenRefreshes().size();

        // When the lead is upserted
        String leadRecordId = adapter.upsert(lead).await().atMost(TIMEOUT).externalId();

        // Then the token was refreshed with the refresh-token grant and the call made again, which took the lead
        assertThat(leadRecordId).isEqualTo("00Q-" + lead.leadId());
        List<LoggedRequest> refreshes = tokenRefreshes();
        assertThat(refreshes).hasSize(refreshesBefore + 1);
        assertThat(refreshes.get(refreshes.size() - 1).getBodyAsString()).contains("grant_type=refresh_token")
                .contains("client_secret=test-consumer-secret");
        assertThat(callsWith(lead.leadId())).hasSize(2);
    }

    @Test
    void perRecordFailureFailsOnlyThatLeadAfterItIsTriedAlone() {
        // Given a collection whose middle Lead fails Salesforce's validation, also when sent alone
        List<LeadUpsert> leads = List.of(LeadUpsert.of(TestHandoffs.newLead()), LeadUpsert.of(TestHandoffs.newLead()),
                LeadUpsert.of(TestHandoffs.newLead()));
        Map<String, String> values = Map.of("good1", leads.get(0).leadId(), "bad", leads.get(1).leadId());
        Stubs.add(salesforce, "salesforce/lead-upsert-one-failed.json", values);
        Stubs.add(salesforce, "salesforce/lead-upsert-one-failed-alone.json", values);

        // When they are upserted
        List<UpsertOutcome> outcomes = adapter.upsertAll(leads).await().atMost(TIMEOUT);

        // Then the others are taken with their ids and the bad one is rejected with Salesforce's code and field
        assertThat(outcomes.get(0).receipt().externalId()).isEqualTo("00Q5e00000A1b2cEAB");
        assertThat(outcomes.get(2).receipt().externalId()).isEqualTo("00Q5e00000A1b2dEAB");
        assertThat(outcomes.get(1).isAccepted()).isFalse();
        assertThat(outcomes.get(1).error()).contains("FIELD_CUSTOM_VALIDATION_EXCEPTION").contains("Email");
        assertThat(callsWith(leads.get(1).leadId())).hasSize(2);
        assertThat(callsWith(leads.get(0).leadId())).hasSize(1);
    }

    private List<LoggedRequest> callsWith(String leadId) {
        return new ArrayList<>(salesforce.findAll(patchRequestedFor(urlEqualTo(UPSERT_PATH))
                .withRequestBody(matchingJsonPath("$.records[?(@.Leadflow_Lead_Id__c == '" + leadId + "')]"))));
    }

    private List<LoggedRequest> tokenRefreshes() {
        return salesforce.findAll(postRequestedFor(urlEqualTo("/services/oauth2/token")));
    }
}
