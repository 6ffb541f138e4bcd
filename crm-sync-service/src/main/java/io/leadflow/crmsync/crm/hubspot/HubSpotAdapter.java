package io.leadflow.crmsync.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.BatchAnswer;
import io.leadflow.crmsync.crm.CrmAdapter;
import io.leadflow.crmsync.crm.CrmCallException;
import io.leadflow.crmsync.crm.CrmHttp;
import io.leadflow.crmsync.crm.PartialFailureSplit;
import io.leadflow.crmsync.domain.CrmReceipt;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.ErasedLead;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.domain.RollingWindowLimiter;
import io.leadflow.crmsync.domain.UpsertOutcome;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.vertx.core.ContextAwareScheduler;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * HubSpot CRM: upserts contacts by email with {@code POST /crm/v3/objects/contacts/batch/upsert}
 * and a private app's bearer token, at most {@code batch-size} (100) per call and at most
 * {@code burst-limit} calls per rolling window. A contact HubSpot rejects (an error in a 207
 * answer, a missing result, or a 4xx for the whole batch) is split out and sent alone, so one bad
 * record never fails its batch; rejected alone, it gets its own failed outcome. No answer, 429, 401,
 * 403 and 5xx fail the whole call (the caller retries, honouring Retry-After). Erasure is HubSpot's
 * GDPR delete ({@code POST /crm/v3/objects/contacts/gdpr-delete}).
 */
@ApplicationScoped
@Typed(HubSpotAdapter.class)
public class HubSpotAdapter implements CrmAdapter {

    static final String BATCH_UPSERT_PATH = "/crm/v3/objects/contacts/batch/upsert";
    static final String GDPR_DELETE_PATH = "/crm/v3/objects/contacts/gdpr-delete";
    /** HubSpot's documented maximum of inputs per batch call. */
    static final int MAX_BATCH_SIZE = 100;
    private static final String CRM = "hubspot";

    private final Vertx vertx;
    private final WebClient client;
    private final String baseUrl;
    private final String bearer;
    private final CrmConfig.HubSpot config;
    private final HubSpotContacts contacts;
    private final RollingWindowLimiter burst;
    private final ObjectMapper json;
    private final Clock clock;
    private final PartialFailureSplit split;

    public HubSpotAdapter(Vertx vertx, CrmConfig config, ObjectMapper json, Clock clock) {
        this.vertx = vertx;
        this.config = config.hubspot();
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("leadflow-crm-sync"));
        this.baseUrl = this.config.baseUrl().toString().replaceAll("/+$", "");
        this.bearer = "Bearer " + this.config.accessToken().filter(token -> !token.isBlank()).orElseThrow(
                () -> new IllegalStateException("target hubspot needs leadflow.crm.hubspot.access-token (LEADFLOW_CRM_HUBSPOT_ACCESS_TOKEN)"));
        if (this.config.batchSize() < 1 || this.config.batchSize() > MAX_BATCH_SIZE) {
            throw new IllegalStateException("leadflow.crm.hubspot.batch-size must be 1 to " + MAX_BATCH_SIZE + ", was " + this.config.batchSize());
        }
        this.contacts = new HubSpotContacts(json, this.config);
        this.burst = new RollingWindowLimiter(this.config.burstLimit(), this.config.burstWindow());
        this.json = json;
        this.clock = clock;
        this.split = new PartialFailureSplit(this::send, this.config.batchSize(), clock);
    }

    @Override
    public CrmTarget target() {
        return CrmTarget.HUBSPOT;
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    @Override
    public Uni<CrmReceipt> upsert(LeadUpsert lead) {
        return split.upsertOne(lead, "hubspot rejected the contact");
    }

    @Override
    public Uni<List<UpsertOutcome>> upsertAll(List<LeadUpsert> leads) {
        return split.upsertAll(leads);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private Uni<BatchAnswer> send(List<LeadUpsert> batch) {
        return post(BATCH_UPSERT_PATH, contacts.batchUpsertBody(batch)).map(response -> answer(response, batch));
    }

    /**
     * GDPR delete, by email when the lead had one: HubSpot then also blocklists the address, so a later
     * form fill cannot bring the contact back; else by each contact id Leadflow wrote.
     */
    @Override
    public Uni<String> erase(ErasedLead lead) {
        List<ObjectNode> deletes = new ArrayList<>();
        if (lead.email() != null) {
            deletes.add(json.createObjectNode().put("objectId", lead.email()).put("idProperty", "email"));
        } else {
            lead.externalIds().forEach(id -> deletes.add(json.createObjectNode().put("objectId", id)));
        }
        return Multi.createFrom().iterable(deletes)
                .onItem().transformToUniAndConcatenate(delete -> post(GDPR_DELETE_PATH, delete).invoke(response -> CrmHttp.requireDeletedOrGone(CRM, response, clock.instant())))
                .collect().asList()
                .map(answered -> answered.isEmpty() ? "no contact to delete: no email and no contact id"
                        : "GDPR-deleted contact " + (lead.email() != null ? "by email" : "ids " + lead.externalIds()));
    }

    /** One POST with the bearer token, once the burst window has room. */
    private Uni<HttpResponse<Buffer>> post(String path, ObjectNode body) {
        Duration wait = burst.reserve(clock.instant());
        Uni<Void> slot = wait.isZero() ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt()
                        .onExecutor(ContextAwareScheduler.delegatingTo(Infrastructure.getDefaultWorkerPool())
                                .withGetOrCreateContextOnCurrentThread(vertx))
                        .by(wait);
        return slot.flatMap(free -> client.postAbs(baseUrl + path)
                .connectTimeout(config.timeout().toMillis())
                .idleTimeout(config.timeout().toMillis())
                .putHeader("Authorization", bearer)
                .putHeader("Content-Type", "application/json")
                .sendJson(body)
                .onFailure().transform(failure -> CrmHttp.noAnswer(CRM, failure)));
    }

    private BatchAnswer answer(HttpResponse<Buffer> response, List<LeadUpsert> batch) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            JsonNode body = parse(response);
            return new BatchAnswer(contacts.contactIds(body, batch), contacts.errors(body, batch), "hubspot answered no result for the contact");
        }
        if (status == 429 || status == 401 || status == 403 || status == 408 || status / 100 == 5) {
            throw CrmHttp.failure(CRM, response, clock.instant());
        }
        // any other 4xx: HubSpot refused the batch as a whole (usually one invalid input); each contact goes alone
        return BatchAnswer.refusedAsAWhole("hubspot answered " + status + ": " + errorText(response));
    }

    private String errorText(HttpResponse<Buffer> response) {
        try {
            return HubSpotContacts.describe(json.readTree(response.body().getBytes()));
        } catch (IOException | RuntimeException notJson) {
            return CrmHttp.abbreviated(response.bodyAsString());
        }
    }

    private JsonNode parse(HttpResponse<Buffer> response) {
        try {
            return json.readTree(response.body() == null ? new byte[0] : response.body().getBytes());
        } catch (IOException notJson) {
            throw new CrmCallException("hubspot answered " + response.statusCode() + " with a body that is not JSON");
        }
    }
}
