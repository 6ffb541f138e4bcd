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
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.domain.UpsertOutcome;
import io.smallrye.mutiny.Uni;
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
import java.util.List;

/**
 * Salesforce: upserts Leads keyed by an external id field (the Leadflow lead id) through sObject
 * Collections, {@code allOrNone=false}, at most {@code batch-size} (200) per call, with an OAuth
 * bearer token that is refreshed, and the call made again once, when Salesforce answers 401
 * INVALID_SESSION_ID. A lead with errors in its UpsertResult is sent again alone (per-record
 * faults such as UNABLE_TO_LOCK_ROW pass), then rejected with Salesforce's codes. No answer, 401
 * after a refresh, 403 (REQUEST_LIMIT_EXCEEDED), 429 and 5xx fail the whole call for the caller to retry.
 */
@ApplicationScoped
@Typed(SalesforceAdapter.class)
public class SalesforceAdapter implements CrmAdapter {

    private static final String CRM = "salesforce";

    private final WebClient client;
    private final CrmConfig.Salesforce config;
    private final SalesforceSession session;
    private final SalesforceLeads leads;
    private final PartialFailureSplit split;
    private final ObjectMapper json;
    private final Clock clock;

    public SalesforceAdapter(Vertx vertx, CrmConfig config, ObjectMapper json, Clock clock) {
        this.config = config.salesforce();
        if (this.config.clientId().isEmpty() || this.config.refreshToken().isEmpty()) {
            throw new IllegalStateException("target salesforce needs leadflow.crm.salesforce.client-id and .refresh-token "
                    + "(LEADFLOW_CRM_SALESFORCE_CLIENT_ID, LEADFLOW_CRM_SALESFORCE_REFRESH_TOKEN)");
        }
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("leadflow-crm-sync"));
        this.session = new SalesforceSession(client, this.config, json, clock);
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
    public Uni<CrmReceipt> upsert(LeadUpsert lead) {
        return split.upsertOne(lead, "salesforce rejected the lead");
    }

    @Override
    public Uni<List<UpsertOutcome>> upsertAll(List<LeadUpsert> all) {
        return split.upsertAll(all);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private Uni<BatchAnswer> send(List<LeadUpsert> batch) {
        return session.credentials()
                .flatMap(credentials -> call(credentials, batch).flatMap(response -> isExpiredSession(response)
                        ? session.refresh(credentials).flatMap(fresh -> call(fresh, batch))
                        : Uni.createFrom().item(response)))
                .map(response -> answer(response, batch));
    }

    private Uni<HttpResponse<Buffer>> call(SalesforceSession.Credentials credentials, List<LeadUpsert> batch) {
        String url = credentials.instanceUrl().replaceAll("/+$", "") + upsertPath(config.apiVersion(), config.externalIdField());
        return client.patchAbs(url)
                .connectTimeout(config.timeout().toMillis())
                .idleTimeout(config.timeout().toMillis())
                .putHeader("Authorization", "Bearer " + credentials.accessToken())
                .putHeader("Content-Type", "application/json")
                .sendJson(leads.upsertBody(batch))
                .onFailure().transform(failure -> CrmHttp.noAnswer(CRM, failure));
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

    private boolean isExpiredSession(HttpResponse<Buffer> response) {
        return response.statusCode() == 401 && response.bodyAsString() != null && response.bodyAsString().contains("INVALID_SESSION_ID");
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
