package io.leadflow.crmsync.crm.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.CrmHttp;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Calls to the org's REST API with one shared OAuth session ({@link SalesforceSession}): the bearer
 * token is added, and a call Salesforce answers 401 INVALID_SESSION_ID is made once more after a
 * refresh. The Lead upserts, the poll of changed Leads and the erasure of a Lead all go through it.
 * A singleton, not a proxied bean, so whoever needs it is refused at creation when the OAuth settings are missing.
 */
@Singleton
public class SalesforceApi {

    private static final String CRM = "salesforce";

    private final WebClient client;
    private final CrmConfig.Salesforce config;
    private final SalesforceSession session;

    public SalesforceApi(Vertx vertx, CrmConfig config, ObjectMapper json, Clock clock) {
        this.config = config.salesforce();
        if (this.config.clientId().isEmpty() || this.config.refreshToken().isEmpty()) {
            throw new IllegalStateException("salesforce needs leadflow.crm.salesforce.client-id and .refresh-token "
                    + "(LEADFLOW_CRM_SALESFORCE_CLIENT_ID, LEADFLOW_CRM_SALESFORCE_REFRESH_TOKEN)");
        }
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("leadflow-crm-sync"));
        this.session = new SalesforceSession(client, this.config, json, clock);
    }

    /** The root of the configured REST API version under the instance URL, as in {@code /services/data/v62.0}. */
    public String dataPath() {
        return "/services/data/" + config.apiVersion();
    }

    /**
     * One call to {@code path} (under the instance URL, with its query string encoded) with the
     * current session; fails with a {@link io.leadflow.crmsync.crm.CrmCallException} only when no answer came.
     *
     * @param body the JSON body, or null for none
     */
    public Uni<HttpResponse<Buffer>> send(HttpMethod method, String path, Object body) {
        return session.credentials()
                .flatMap(credentials -> call(credentials, method, path, body).flatMap(response -> isExpiredSession(response)
                        ? session.refresh(credentials).flatMap(fresh -> call(fresh, method, path, body))
                        : Uni.createFrom().item(response)));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private Uni<HttpResponse<Buffer>> call(SalesforceSession.Credentials credentials, HttpMethod method, String path, Object body) {
        HttpRequest<Buffer> request = client.requestAbs(method, credentials.instanceUrl().replaceAll("/+$", "") + path)
                .connectTimeout(config.timeout().toMillis())
                .idleTimeout(config.timeout().toMillis())
                .putHeader("Authorization", "Bearer " + credentials.accessToken())
                .putHeader("Accept", "application/json");
        Uni<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJson(body);
        return sent.onFailure().transform(failure -> CrmHttp.noAnswer(CRM, failure));
    }

    private static boolean isExpiredSession(HttpResponse<Buffer> response) {
        return response.statusCode() == 401 && response.bodyAsString() != null && response.bodyAsString().contains("INVALID_SESSION_ID");
    }
}
