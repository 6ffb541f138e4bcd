package io.leadflow.crmsync.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.leadflow.crmsync.domain.UpsertOutcome;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Salesforce: upserts Leads keyed by an external id field (the Leadflow lead id) through sObject
 * Collections, {@code allOrNone=false}, at most {@code batch-size} (200) per call, through
 * {@link SalesforceApi} (OAuth bearer token, refreshed and the call made again once when Salesforce
 * answers 401 INVALID_SESSION_ID). A lead with errors in its UpsertResult is sent again alone (per-record
 * faults such as UNABLE_TO_LOCK_ROW pass), then rejected with Salesforce's codes. No answer, 401
 * after a refresh, 403 (REQUEST_LIMIT_EXCEEDED), 429 and 5xx fail the whole call for the caller to retry.
 */
@ApplicationScoped
@Typed(SalesforceAdapter.class)
public class SalesforceAdapter implements CrmAdapter {

    private static final String CRM = "salesforce";
    /** Salesforce's documented maximum of records per sObject Collections call. */
    static final int MAX_BATCH_SIZE = 200;

    private final SalesforceApi api;
    private final CrmConfig.Salesforce config;
    private final SalesforceLeads leads;
    private final PartialFailureSplit split;
    private final ObjectMapper json;
    private final Clock clock;

    public SalesforceAdapter(SalesforceApi api, CrmConfig config, ObjectMapper json, Clock clock) {
        this.api = api;
        this.config = config.salesforce();
        if (this.config.batchSize() < 1 || this.config.batchSize() > MAX_BATCH_SIZE) {
            throw new IllegalStateException("leadflow.crm.salesforce.batch-size must be 1 to " + MAX_BATCH_SIZE + ", was "
                    + this.config.batchSize());
        }
        this.leads = new SalesforceLeads(json, this.config);
        this.split = new PartialFailureSplit(this::send, this.config.batchSize(), clock);
        this.json = json;
        this.clock = clock;
    }

    /** The path of the Lead upsert by external id, under the instance URL. */
    public static String upsertPath(String apiVersion, String externalIdField) {
        return "/services/data/" + apiVersion + "/composite/sobjects/Lead/" + externalIdField;
    }

    @Override
    public CrmTarget target() {
        return CrmTarget.SALESFORCE;
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    @Override
    public Uni<CrmReceipt> upsert(LeadUpsert lead) {
        return split.upsertOne(lead, "salesforce rejected the lead");
    }

    @Override
    public Uni<List<UpsertOutcome>> upsertAll(List<LeadUpsert> all) {
        return split.upsertAll(all);
    }

    /**
     * Deletes each Lead Leadflow wrote, by its Id ({@code DELETE .../sobjects/Lead/<Id>}); without a known Id,
     * by the external id field that holds the lead id. A Lead already deleted (404) counts as erased.
     * Salesforce keeps deleted records in the Recycle Bin (15 days) until the org empties it.
     */
    @Override
    public Uni<String> erase(ErasedLead lead) {
        String sobjects = api.dataPath() + "/sobjects/Lead/";
        List<String> paths = lead.externalIds().isEmpty()
                ? List.of(sobjects + config.externalIdField() + "/" + encoded(lead.leadId()))
                : lead.externalIds().stream().map(id -> sobjects + encoded(id)).toList();
        return Multi.createFrom().iterable(paths)
                .onItem().transformToUniAndConcatenate(path -> api.send(HttpMethod.DELETE, path, null).invoke(response -> CrmHttp.requireDeletedOrGone(CRM, response, clock.instant())))
                .collect().asList()
                .map(deleted -> "deleted Lead " + (lead.externalIds().isEmpty() ? "by " + config.externalIdField() : lead.externalIds()));
    }

    private Uni<BatchAnswer> send(List<LeadUpsert> batch) {
        return api.send(HttpMethod.PATCH, upsertPath(config.apiVersion(), config.externalIdField()), leads.upsertBody(batch))
                .map(response -> answer(response, batch));
    }

    private BatchAnswer answer(HttpResponse<Buffer> response, List<LeadUpsert> batch) {
        int status = response.statusCode();
        if (status == 200) {
            return leads.answer(parse(response), batch);
        }
        if (status == 401 || status == 403 || status == 408 || status == 429 || status / 100 == 5) {
            throw CrmHttp.failure(CRM, response, clock.instant());
        }
        // 400 and other 4xx: the request as a whole was refused; each lead goes alone
        return BatchAnswer.refusedAsAWhole("salesforce answered " + status + ": " + errorText(response));
    }

    private static String encoded(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String errorText(HttpResponse<Buffer> response) {
        try {
            return SalesforceLeads.describe(json.readTree(response.body().getBytes()));
        } catch (IOException | RuntimeException notJson) {
            return CrmHttp.abbreviated(response.bodyAsString());
        }
    }

    private JsonNode parse(HttpResponse<Buffer> response) {
        try {
            return json.readTree(response.body() == null ? new byte[0] : response.body().getBytes());
        } catch (IOException notJson) {
            throw new CrmCallException("salesforce answered " + response.statusCode() + " with a body that is not JSON");
        }
    }
}
