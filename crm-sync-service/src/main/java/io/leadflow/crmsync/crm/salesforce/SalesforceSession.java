package io.leadflow.crmsync.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.CrmCallException;
import io.leadflow.crmsync.crm.CrmHttp;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OAuth access token and instance URL Salesforce calls use. It starts from the configured
 * token (if any) and is refreshed with the refresh-token grant
 * ({@code POST <login-url>/services/oauth2/token}) when there is none yet or when Salesforce answers
 * 401 INVALID_SESSION_ID; the answer also names the instance URL to use from then on.
 */
final class SalesforceSession {

    private static final String CRM = "salesforce";

    /** A usable session: the bearer token and the org's instance URL. */
    record Credentials(String accessToken, String instanceUrl) {
    }

    private final WebClient client;
    private final CrmConfig.Salesforce config;
    private final ObjectMapper json;
    private final Clock clock;
    private final String tokenUrl;
    private final AtomicReference<Credentials> current = new AtomicReference<>();

    SalesforceSession(WebClient client, CrmConfig.Salesforce config, ObjectMapper json, Clock clock) {
        this.client = client;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.tokenUrl = config.loginUrl().toString().replaceAll("/+$", "") + "/services/oauth2/token";
        config.accessToken().filter(token -> !token.isBlank()).ifPresent(token -> current.set(
                new Credentials(token, config.instanceUrl().map(Object::toString).orElse(null))));
    }

    /** The session to call with: the current one, or a fresh one when there is none. */
    Uni<Credentials> credentials() {
        Credentials known = current.get();
        return known != null && known.instanceUrl() != null ? Uni.createFrom().item(known) : refresh(known);
    }

    /** A fresh session replacing {@code stale}; a session someone else refreshed meanwhile is used as is. */
    Uni<Credentials> refresh(Credentials stale) {
        Credentials known = current.get();
        if (known != null && known != stale && known.instanceUrl() != null) {
            return Uni.createFrom().item(known);
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "refresh_token")
                .add("client_id", config.clientId().orElse(""))
                .add("refresh_token", config.refreshToken().orElse(""));
        config.clientSecret().ifPresent(secret -> form.add("client_secret", secret));
        return client.postAbs(tokenUrl)
                .connectTimeout(config.timeout().toMillis())
                .idleTimeout(config.timeout().toMillis())
                .putHeader("Accept", "application/json")
                .sendForm(form)
                .onFailure().transform(failure -> CrmHttp.noAnswer(CRM + " token endpoint", failure))
                .map(this::credentials)
                .invoke(current::set);
    }

    private Credentials credentials(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            throw CrmHttp.failure(CRM + " token refresh", response, clock.instant());
        }
        try {
            JsonNode body = json.readTree(response.body().getBytes());
            String token = body.path("access_token").asText(null);
            String instance = body.path("instance_url").asText(config.instanceUrl().map(Object::toString).orElse(null));
            if (token == null || instance == null) {
                throw new CrmCallException("salesforce token refresh answered no access_token or instance_url");
            }
            return new Credentials(token, instance);
        } catch (IOException notJson) {
            throw new CrmCallException("salesforce token refresh answered a body that is not JSON");
        }
    }
}
