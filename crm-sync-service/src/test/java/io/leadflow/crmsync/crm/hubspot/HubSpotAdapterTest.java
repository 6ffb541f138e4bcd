package io.leadflow.crmsync.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.crmsync.InjectWireMock;
import io.leadflow.crmsync.Stubs;
import io.leadflow.crmsync.TestHandoffs;
import io.leadflow.crmsync.crm.CrmCallException;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.domain.UpsertOutcome;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The HubSpot adapter against a stand-in that answers as HubSpot documents (stubs in src/test/resources/wiremock/hubspot). */
@QuarkusTest
class HubSpotAdapterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @InjectWireMock
    WireMockServer hubspot;

    @Inject
    HubSpotAdapter adapter;

    @Inject
    ObjectMapper json;

    @Test
    void upsertsContactsByEmailInBatchesOfAtMostOneHundred() throws Exception {
        // Given 150 new leads
        List<LeadUpsert> leads = IntStream.range(0, 150).mapToObj(i -> LeadUpsert.of(TestHandoffs.newLead())).toList();

        // When they are upserted together
        List<UpsertOutcome> outcomes = adapter.upsertAll(leads).await().atMost(TIMEOUT);

        // Then every lead is taken, in order, with the contact id HubSpot answered
        assertThat(outcomes).hasSize(150).allMatch(UpsertOutcome::isAccepted);
        assertThat(outcomes.get(0).handoffId()).isEqualTo(leads.get(0).handoffId());
        assertThat(outcomes.get(149).receipt().externalId()).isEqualTo("hs-" + leads.get(149).email());

        // and two calls were made, of 100 and 50 contacts, identified by email with the bearer token
        List<LoggedRequest> calls = callsWith(leads.get(0).email());
        calls.addAll(callsWith(leads.get(149).email()));
        assertThat(calls).hasSize(2);
        JsonNode first = json.readTree(calls.get(0).getBody());
        assertThat(first.path("inputs")).hasSize(100);
        assertThat(json.readTree(calls.get(1).getBody()).path("inputs")).hasSize(50);
        JsonNode input = first.path("inputs").get(0);
        assertThat(input.path("idProperty").asText()).isEqualTo("email");
        assertThat(input.path("id").asText()).isEqualTo(leads.get(0).email());
        assertThat(input.path("objectWriteTraceId").asText()).isEqualTo(leads.get(0).handoffId());
        assertThat(input.path("properties").path("lifecyclestage").asText()).isEqualTo("marketingqualifiedlead");
        assertThat(input.path("properties").path("firstname").asText()).isEqualTo("Ada");
        assertThat(input.path("properties").path("lastname").asText()).isEqualTo("Lovelace");
        assertThat(input.path("properties").path("company").asText()).isEqualTo("Analytical Engines");
        assertThat(input.path("properties").path("jobtitle").asText()).isEqualTo("VP Engineering");
        assertThat(calls.get(0).getHeader("Authorization")).isEqualTo("Bearer test-private-app-token");
    }

    @Test
    void mapsTheAssignedRepToTheHubSpotOwner() throws Exception {
        // Given a lead assigned to a rep with a HubSpot owner id in the configuration, and one assigned to a rep without
        LeadUpsert mapped = LeadUpsert.of(TestHandoffs.newLeadAssignedTo("rep-hubspot"));
        LeadUpsert unmapped = LeadUpsert.of(TestHandoffs.newLead());

        // When both are upserted
        adapter.upsertAll(List.of(mapped, unmapped)).await().atMost(TIMEOUT);

        // Then the first carries hubspot_owner_id and the second leaves the owner alone
        JsonNode inputs = json.readTree(callsWith(mapped.email()).get(0).getBody()).path("inputs");
        assertThat(inputs.get(0).path("properties").path("hubspot_owner_id").asText()).isEqualTo("9001");
        assertThat(inputs.get(1).path("properties").has("hubspot_owner_id")).isFalse();
    }

    @Test
    void traitsTheLeadDidNotGiveAreLeftOutRatherThanBlanked() throws Exception {
        // Given a lead that gave only its first name
        LeadUpsert lead = LeadUpsert.of(TestHandoffs.newLeadWithTraits(Map.of("firstName", "Grace", "company", " ")));

        // When it is upserted
        adapter.upsert(lead).await().atMost(TIMEOUT);

        // Then the contact carries the first name and no other name or company property, so HubSpot keeps what it has
        JsonNode properties = json.readTree(callsWith(lead.email()).get(0).getBody()).path("inputs").get(0).path("properties");
        assertThat(properties.path("firstname").asText()).isEqualTo("Grace");
        assertThat(properties.has("lastname")).isFalse();
        assertThat(properties.has("company")).isFalse();
        assertThat(properties.has("jobtitle")).isFalse();
    }

    @Test
    void oneInvalidContactInAMultiStatusAnswerIsSplitOutAndFailsAlone() {
        // Given a batch of three whose middle contact HubSpot rejects (207), and rejects again alone (400)
        List<LeadUpsert> leads = List.of(LeadUpsert.of(TestHandoffs.newLead()), LeadUpsert.of(TestHandoffs.newLead()),
                LeadUpsert.of(TestHandoffs.newLead()));
        Map<String, String> values = Map.of("good1", leads.get(0).email(), "good1Trace", leads.get(0).handoffId(),
                "bad", leads.get(1).email(), "badTrace", leads.get(1).handoffId(),
                "good2", leads.get(2).email(), "good2Trace", leads.get(2).handoffId());
        Stubs.add(hubspot, "hubspot/batch-upsert-207-one-invalid.json", values);
        Stubs.add(hubspot, "hubspot/batch-upsert-400-invalid-email.json", values);

        // When the batch is upserted
        List<UpsertOutcome> outcomes = adapter.upsertAll(leads).await().atMost(TIMEOUT);

        // Then the two good contacts are taken with their ids, and only the bad one fails, saying why
        assertThat(outcomes.get(0).receipt().externalId()).isEqualTo("501");
        assertThat(outcomes.get(2).receipt().externalId()).isEqualTo("502");
        assertThat(outcomes.get(1).isAccepted()).isFalse();
        assertThat(outcomes.get(1).error()).contains("400").contains("INVALID_EMAIL");

        // and the bad contact was tried once in its batch and once alone
        assertThat(callsWith(leads.get(1).email())).hasSize(2);
        assertThat(callsWith(leads.get(0).email())).hasSize(1);
    }

    @Test
    void batchRefusedAsAWholeIsSplitSoTheGoodContactsStillGoThrough() {
        // Given a batch with an invalid email that makes HubSpot refuse the whole call (400)
        LeadUpsert good = LeadUpsert.of(TestHandoffs.newLead());
        LeadUpsert bad = LeadUpsert.of(TestHandoffs.newLead());
        Stubs.add(hubspot, "hubspot/batch-upsert-400-invalid-email.json", Map.of("bad", bad.email()));

        // When both are upserted
        List<UpsertOutcome> outcomes = adapter.upsertAll(List.of(good, bad)).await().atMost(TIMEOUT);

        // Then the good one is taken on its own call and the bad one is rejected
        assertThat(outcomes.get(0).isAccepted()).isTrue();
        assertThat(outcomes.get(1).error()).contains("VALIDATION_ERROR");
        assertThat(callsWith(good.email())).hasSize(2);
    }

    @Test
    void rateLimitedCallFailsWithTheWaitHubSpotAskedFor() {
        // Given HubSpot at its burst limit for this contact's call
        LeadUpsert lead = LeadUpsert.of(TestHandoffs.newLead());
        Stubs.add(hubspot, "hubspot/batch-upsert-429-burst.json", Map.of("email", lead.email(), "scenario", "burst " + lead.handoffId()));

        // When / Then the call fails as a whole, carrying Retry-After, and the next one goes through
        assertThatThrownBy(() -> adapter.upsertAll(List.of(lead)).await().atMost(TIMEOUT))
                .isInstanceOfSatisfying(CrmCallException.class, failure -> {
                    assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(failure.getMessage()).contains("429").contains("RATE_LIMIT");
                });
        assertThat(adapter.upsert(lead).await().atMost(TIMEOUT).externalId()).isEqualTo("hs-" + lead.email());
    }

    private List<LoggedRequest> callsWith(String email) {
        return new java.util.ArrayList<>(hubspot.findAll(postRequestedFor(urlEqualTo(HubSpotAdapter.BATCH_UPSERT_PATH))
                .withRequestBody(matchingJsonPath("$.inputs[?(@.id == '" + email + "')]"))));
    }
}
