package io.leadflow.crmsync.crm.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.CrmAdapter;
import io.leadflow.crmsync.crm.CrmCallException;
import io.leadflow.crmsync.crm.CrmHttp;
import io.leadflow.crmsync.domain.CrmReceipt;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.ErasedLead;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Pipedrive (API v1, API token in the {@code x-api-token} header): the lead is a person, found by
 * exact email ({@code GET /v1/persons/search?fields=email&exact_match=true}), then updated
 * ({@code PUT /v1/persons/{id}}) or created ({@code POST /v1/persons}); each handoff adds one
 * Pipedrive lead linked to it ({@code POST /v1/leads}) with the handoff id as {@code origin_id}.
 * Pipedrive has no upsert and no batch API, so a repeat is made safe by looking first: the person
 * by email, the lead by its origin id among the person's leads. Any failure (no answer, 429 with
 * Retry-After and {@code x-ratelimit-*}, 5xx, a refused record) fails the call for the caller to retry.
 * Erasure deletes the person and its leads.
 */
@ApplicationScoped
@Typed(PipedriveAdapter.class)
public class PipedriveAdapter implements CrmAdapter {

    public static final String TOKEN_HEADER = "x-api-token";
    public static final String PERSONS_PATH = "/v1/persons";
    public static final String PERSONS_SEARCH_PATH = "/v1/persons/search";
    public static final String LEADS_PATH = "/v1/leads";
    private static final String CRM = "pipedrive";

    private final WebClient client;
    private final CrmConfig.Pipedrive config;
    private final String baseUrl;
    private final String token;
    private final PipedriveRecords records;
    private final ObjectMapper json;
    private final Clock clock;

    public PipedriveAdapter(Vertx vertx, CrmConfig config, ObjectMapper json, Clock clock) {
        this.config = config.pipedrive();
        this.token = this.config.apiToken().filter(value -> !value.isBlank()).orElseThrow(
                () -> new IllegalStateException("target pipedrive needs leadflow.crm.pipedrive.api-token (LEADFLOW_CRM_PIPEDRIVE_API_TOKEN)"));
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("leadflow-crm-sync"));
        this.baseUrl = this.config.baseUrl().toString().replaceAll("/+$", "");
        this.records = new PipedriveRecords(json);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public CrmTarget target() {
        return CrmTarget.PIPEDRIVE;
    }

    /** The receipt's external id is the person's id: the record that is the lead in Pipedrive. */
    @Override
    public Uni<CrmReceipt> upsert(LeadUpsert lead) {
        if (lead.email() == null || lead.email().isBlank()) {
            return Uni.createFrom().failure(new CrmCallException("pipedrive needs the lead's email to find or create its person"));
        }
        Long owner = lead.assignee() == null ? null : config.owners().get(lead.assignee());
        return findPerson(lead.email())
                .flatMap(found -> found == null ? createPerson(lead, owner) : updatePerson(found, lead, owner))
                .call(personId -> leadOfHandoff(personId, lead.handoffId(), 0)
                        .flatMap(existing -> existing != null ? Uni.createFrom().voidItem() : createLead(lead, personId, owner)))
                .map(personId -> new CrmReceipt(Long.toString(personId), clock.instant()));
    }

    /**
     * Deletes each person Leadflow wrote (found by email when no write succeeded) and, first, every lead
     * linked to it: a lead of an erased person is that person's data too. Already gone (404) counts as erased.
     */
    @Override
    public Uni<String> erase(ErasedLead lead) {
        Uni<List<Long>> persons = !lead.externalIds().isEmpty()
                ? Uni.createFrom().item(lead.externalIds().stream().map(Long::valueOf).toList())
                : lead.email() == null ? Uni.createFrom().item(List.of())
                        : findPerson(lead.email()).map(found -> found == null ? List.<Long>of() : List.of(found));
        return persons.flatMap(ids -> Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(this::erasePerson)
                .collect().asList()
                .map(leadCounts -> ids.isEmpty() ? "no person to delete"
                        : "deleted persons " + ids + " and their " + leadCounts.stream().mapToInt(Integer::intValue).sum() + " leads"));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private Uni<Long> findPerson(String email) {
        HttpRequest<Buffer> search = client.getAbs(baseUrl + PERSONS_SEARCH_PATH)
                .addQueryParam("term", email.trim())
                .addQueryParam("fields", "email")
                .addQueryParam("exact_match", "true");
        return send(search, null).map(answer -> PipedriveRecords.personWithEmail(answer, email));
    }

    private Uni<Long> createPerson(LeadUpsert lead, Long owner) {
        return send(client.postAbs(baseUrl + PERSONS_PATH), records.newPerson(lead, owner)).map(answer -> {
            JsonNode id = answer.path("data").path("id");
            if (!id.canConvertToLong()) {
                throw new CrmCallException("pipedrive answered no id for the new person");
            }
            return id.asLong();
        });
    }

    private Uni<Long> updatePerson(long personId, LeadUpsert lead, Long owner) {
        var update = records.personUpdate(lead, owner);
        return update == null ? Uni.createFrom().item(personId)
                : send(client.putAbs(baseUrl + PERSONS_PATH + "/" + personId), update).replaceWith(personId);
    }

    /** The lead this handoff created for the person, looking through every page of the person's leads; null when none. */
    private Uni<String> leadOfHandoff(long personId, String handoffId, int start) {
        return send(leadsOf(personId, start), null).flatMap(page -> {
            String found = PipedriveRecords.leadOfHandoff(page, handoffId);
            Integer next = PipedriveRecords.nextStart(page);
            return found != null || next == null ? Uni.createFrom().item(found) : leadOfHandoff(personId, handoffId, next);
        });
    }

    /** Deletes the person's leads, then the person; answers how many leads it had. */
    private Uni<Integer> erasePerson(long personId) {
        return allLeadIds(personId, 0, new ArrayList<>())
                .call(leadIds -> Multi.createFrom().iterable(leadIds)
                        .onItem().transformToUniAndConcatenate(leadId -> deleteIfPresent(LEADS_PATH + "/" + leadId))
                        .collect().asList())
                .call(leadIds -> deleteIfPresent(PERSONS_PATH + "/" + personId))
                .map(List::size);
    }

    private Uni<List<String>> allLeadIds(long personId, int start, List<String> found) {
        return send(leadsOf(personId, start), null).flatMap(page -> {
            found.addAll(PipedriveRecords.leadIds(page));
            Integer next = PipedriveRecords.nextStart(page);
            return next == null ? Uni.createFrom().item(found) : allLeadIds(personId, next, found);
        });
    }

    /** DELETE with the token; a record Pipedrive does not know (404) is already gone. */
    private Uni<Void> deleteIfPresent(String path) {
        return client.deleteAbs(baseUrl + path)
                .connectTimeout(config.timeout().toMillis())
                .idleTimeout(config.timeout().toMillis())
                .putHeader(TOKEN_HEADER, token)
                .putHeader("Accept", "application/json")
                .send()
                .onFailure().transform(failure -> CrmHttp.noAnswer(CRM, failure))
                .invoke(response -> CrmHttp.requireDeletedOrGone(CRM, response, clock.instant()))
                .replaceWithVoid();
    }

    private Uni<Void> createLead(LeadUpsert lead, long personId, Long owner) {
        return send(client.postAbs(baseUrl + LEADS_PATH), records.newLead(lead, personId, owner)).replaceWithVoid();
    }

    private HttpRequest<Buffer> leadsOf(long personId, int start) {
        return client.getAbs(baseUrl + LEADS_PATH)
                .addQueryParam("person_id", Long.toString(personId))
                .addQueryParam("archived_status", "all")
                .addQueryParam("start", Integer.toString(start));
    }

    /** Sends one call with the token; answers the JSON of a 2xx with {@code success: true}, else fails with what Pipedrive said. */
    private Uni<JsonNode> send(HttpRequest<Buffer> request, Object body) {
        request.connectTimeout(config.timeout().toMillis())
                .idleTimeout(config.timeout().toMillis())
                .putHeader(TOKEN_HEADER, token)
                .putHeader("Accept", "application/json");
        Uni<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJson(body);
        return sent.onFailure().transform(failure -> CrmHttp.noAnswer(CRM, failure)).map(this::answer);
    }

    private JsonNode answer(HttpResponse<Buffer> response) {
        if (response.statusCode() / 100 != 2) {
            throw CrmHttp.failure(CRM, response, clock.instant());
        }
        JsonNode body;
        try {
            body = json.readTree(response.body() == null ? new byte[0] : response.body().getBytes());
        } catch (IOException notJson) {
            throw new CrmCallException("pipedrive answered " + response.statusCode() + " with a body that is not JSON");
        }
        if (body == null || !body.path("success").asBoolean(false)) {
            throw new CrmCallException("pipedrive answered " + response.statusCode() + " without success: "
                    + (body == null ? "(no body)" : PipedriveRecords.describe(body)));
        }
        return body;
    }
}
