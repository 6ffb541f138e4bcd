package io.leadflow.crmsync.crm.pipedrive;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The Pipedrive adapter against a stand-in that answers as Pipedrive documents (stubs in src/test/resources/wiremock/pipedrive). */
@QuarkusTest
class PipedriveAdapterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @InjectWireMock
    WireMockServer pipedrive;

    @Inject
    PipedriveAdapter adapter;

    @Inject
    ObjectMapper json;

    @Test
    void aNewLeadBecomesAPersonWithOneLeadOwnedByTheRep() throws Exception {
        // Given a lead Pipedrive has never seen, routed to a rep with a Pipedrive user id
        LeadUpsert lead = LeadUpsert.of(TestHandoffs.newLeadAssignedTo("rep-pipedrive"));

        // When it is upserted
        String personId = adapter.upsert(lead).await().atMost(TIMEOUT).externalId();

        // Then it was looked up by exact email, with the API token in its header
        List<LoggedRequest> searches = searchesFor(lead.email());
        assertThat(searches).hasSize(1);
        assertThat(searches.get(0).getHeader("x-api-token")).isEqualTo("test-pipedrive-api-token");

        // and created as a person with its name, email and owner
        JsonNode person = json.readTree(personsCreatedFor(lead.email()).get(0).getBody());
        assertThat(person.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(person.path("email").get(0).path("value").asText()).isEqualTo(lead.email());
        assertThat(person.path("owner_id").asLong()).isEqualTo(4242);

        // and one lead links to that person, titled by who it is, carrying the handoff id as origin_id
        List<LoggedRequest> leads = leadsCreatedFor(lead.handoffId());
        assertThat(leads).hasSize(1);
        JsonNode created = json.readTree(leads.get(0).getBody());
        assertThat(created.path("person_id").asText()).isEqualTo(personId);
        assertThat(created.path("title").asText()).isEqualTo("Ada Lovelace, Analytical Engines");
        assertThat(created.path("owner_id").asLong()).isEqualTo(4242);
    }

    @Test
    void aPersonWithTheSameEmailIsUpdatedNotDuplicated() throws Exception {
        // Given Pipedrive already has a person with the lead's email
        LeadUpsert lead = LeadUpsert.of(TestHandoffs.newLead());
        long existing = ThreadLocalRandom.current().nextLong(1_000, 1_000_000_000);
        Stubs.add(pipedrive, "pipedrive/persons-search-found.json", Map.of("email", lead.email(), "personId", Long.toString(existing)));

        // When the lead is upserted
        String personId = adapter.upsert(lead).await().atMost(TIMEOUT).externalId();

        // Then that person is updated with the name and gets the lead; no second person is made
        assertThat(personId).isEqualTo(Long.toString(existing));
        assertThat(personsCreatedFor(lead.email())).isEmpty();
        List<LoggedRequest> updates = pipedrive.findAll(putRequestedFor(urlPathEqualTo(PipedriveAdapter.PERSONS_PATH + "/" + existing)));
        assertThat(updates).hasSize(1);
        assertThat(json.readTree(updates.get(0).getBody()).path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(json.readTree(leadsCreatedFor(lead.handoffId()).get(0).getBody()).path("person_id").asLong()).isEqualTo(existing);
    }

    @Test
    void aRepeatAfterACrashFindsTheLeadItCreatedAndMakesNoSecond() {
        // Given the state a crash after the first call leaves: the person exists, and among its leads (on the
        // second page) is the one this handoff created
        LeadUpsert lead = LeadUpsert.of(TestHandoffs.newLead());
        String existing = Long.toString(ThreadLocalRandom.current().nextLong(1_000, 1_000_000_000));
        Map<String, String> values = Map.of("email", lead.email(), "personId", existing, "handoffId", lead.handoffId());
        Stubs.add(pipedrive, "pipedrive/persons-search-found.json", values);
        Stubs.add(pipedrive, "pipedrive/leads-of-person-first-page.json", values);
        Stubs.add(pipedrive, "pipedrive/leads-of-person-with-handoff.json", values);

        // When the handoff is upserted again
        String personId = adapter.upsert(lead).await().atMost(TIMEOUT).externalId();

        // Then both pages were read, and no lead was created: the person still has exactly one lead for the handoff
        assertThat(personId).isEqualTo(existing);
        assertThat(pipedrive.findAll(getRequestedFor(urlPathEqualTo(PipedriveAdapter.LEADS_PATH)).withQueryParam("person_id", equalTo(existing))))
                .hasSize(2);
        assertThat(leadsCreatedFor(lead.handoffId())).isEmpty();
    }

    @Test
    void rateLimitedCallFailsWithTheWaitTheRateLimitHeadersAskFor() {
        // Given Pipedrive's window is used up (429, x-ratelimit-remaining 0, x-ratelimit-reset 1) when the person is created
        LeadUpsert lead = LeadUpsert.of(TestHandoffs.newLead());
        Stubs.add(pipedrive, "pipedrive/persons-add-429.json", Map.of("email", lead.email(), "scenario", "limit " + lead.handoffId()));

        // When / Then the call fails carrying the one-second wait, no lead was made, and the next call goes through
        assertThatThrownBy(() -> adapter.upsert(lead).await().atMost(TIMEOUT))
                .isInstanceOfSatisfying(CrmCallException.class, failure -> {
                    assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(failure.getMessage()).contains("429").contains("Request over limit");
                });
        assertThat(leadsCreatedFor(lead.handoffId())).isEmpty();
        assertThat(adapter.upsert(lead).await().atMost(TIMEOUT).externalId()).isNotBlank();
        assertThat(leadsCreatedFor(lead.handoffId())).hasSize(1);
    }

    @Test
    void aLeadWithoutEmailIsRefusedBeforeAnyCall() {
        LeadUpsert lead = LeadUpsert.of(TestHandoffs.forLead(java.util.UUID.randomUUID().toString(), "anon:a-1", null));

        assertThatThrownBy(() -> adapter.upsert(lead).await().atMost(TIMEOUT))
                .isInstanceOf(CrmCallException.class).hasMessageContaining("email");
        assertThat(leadsCreatedFor(lead.handoffId())).isEmpty();
    }

    private List<LoggedRequest> searchesFor(String email) {
        return pipedrive.findAll(getRequestedFor(urlPathEqualTo(PipedriveAdapter.PERSONS_SEARCH_PATH)).withQueryParam("term", equalTo(email))
                .withQueryParam("fields", equalTo("email")).withQueryParam("exact_match", equalTo("true")));
    }

    private List<LoggedRequest> personsCreatedFor(String email) {
        return pipedrive.findAll(postRequestedFor(urlPathEqualTo(PipedriveAdapter.PERSONS_PATH))
                .withRequestBody(matchingJsonPath("$.email[?(@.value == '" + email + "')]")));
    }

    private List<LoggedRequest> leadsCreatedFor(String handoffId) {
        return pipedrive.findAll(postRequestedFor(urlPathEqualTo(PipedriveAdapter.LEADS_PATH))
                .withRequestBody(matchingJsonPath("$[?(@.origin_id == '" + handoffId + "')]")));
    }
}
