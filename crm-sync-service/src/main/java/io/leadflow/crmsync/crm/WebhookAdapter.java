package io.leadflow.crmsync.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.domain.CrmReceipt;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.ErasedLead;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.webhooks.SigningSecret;
import io.leadflow.webhooks.StandardWebhooks;
import io.leadflow.webhooks.WebhookHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
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
import org.jboss.logging.Logger;

/**
 * The generic webhook CRM: POSTs the lead as JSON to the configured URL, signed the Standard Webhooks
 * way ({@link StandardWebhooks}, once per configured secret), with the handoff id as both
 * {@code webhook-id} and {@code Idempotency-Key} so the receiver can drop a repeat. A 2xx answer is a receipt (its JSON {@code id}, if any, is the external id); anything
 * else, including no answer, is a {@link CrmCallException}. An erased lead is announced to the same
 * URL as an erasure notice.
 */
@ApplicationScoped
@Typed(WebhookAdapter.class)
public class WebhookAdapter implements CrmAdapter {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String LEAD_ERASED = "lead.erased";
    private static final String LATENCY_TIMER = "leadflow.crm.webhook.latency";
    private static final Logger LOG = Logger.getLogger(WebhookAdapter.class);

    private final WebClient client;
    private final String url;
    private final long timeoutMillis;
    private final List<String> secrets;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    public WebhookAdapter(Vertx vertx, CrmConfig config, ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("leadflow-crm-sync"));
        this.url = config.webhook().url()
                .orElseThrow(() -> new IllegalStateException("target webhook needs leadflow.crm.webhook.url (LEADFLOW_CRM_WEBHOOK_URL)"))
                .toString();
        this.timeoutMillis = config.webhook().timeout().toMillis();
        this.secrets = config.webhook().secrets()
                .filter(listed -> listed.stream().noneMatch(String::isBlank))
                .orElseThrow(() -> new IllegalStateException("target webhook needs leadflow.crm.webhook.secrets (LEADFLOW_CRM_WEBHOOK_SECRETS)"));
        secrets.stream().filter(secret -> SigningSecret.problem(secret).isPresent()).findAny().ifPresent(legacy -> LOG.warnf(
                "a secret in leadflow.crm.webhook.secrets (LEADFLOW_CRM_WEBHOOK_SECRETS) is not a Standard Webhooks secret: it signs "
                        + "with its text as a raw key; replace it with whsec_ and the base64 of 32 random bytes "
                        + "(echo whsec_$(openssl rand -base64 32)), as crm-sync-service/README.md says"));
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public CrmTarget target() {
        return CrmTarget.WEBHOOK;
    }

    @Override
    public Uni<CrmReceipt> upsert(LeadUpsert lead) {
        return post(serialize(lead), lead.handoffId()).map(this::receipt);
    }

    /**
     * POSTs an erasure notice ({@code "event": "lead.erased"}) to the same URL, signed the same way,
     * with the erasure's id as {@code Idempotency-Key}; the receiver deletes the lead and answers 2xx.
     */
    @Override
    public Uni<String> erase(ErasedLead lead) {
        ErasureNotice notice = new ErasureNotice(LEAD_ERASED, lead.erasureId(), lead.leadId(), lead.email(), lead.externalIds());
        return post(serialize(notice), lead.erasureId()).map(response -> {
            receipt(response);
            return "erasure notice accepted with " + response.statusCode();
        });
    }

    /** The body of an erasure notice: which lead to delete, and the record ids the receiver answered for it. */
    record ErasureNotice(String event, String erasureId, String leadId, String email, List<String> externalIds) {
    }

    private Uni<HttpResponse<Buffer>> post(byte[] body, String idempotencyKey) {
        WebhookHeaders signed = StandardWebhooks.sign(idempotencyKey, clock.instant(), body, secrets);
        Timer.Sample sample = Timer.start(meters);
        var request = client.postAbs(url)
                .connectTimeout(timeoutMillis)
                .idleTimeout(timeoutMillis)
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                .putHeader(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
        signed.asMap().forEach(request::putHeader);
        return request.sendBuffer(Buffer.buffer(body))
                .onItemOrFailure().invoke((response, failure) ->
                        sample.stop(meters.timer(LATENCY_TIMER, "outcome", outcome(response))))
                .onFailure().transform(failure -> new CrmCallException("webhook " + url + " did not answer: " + reason(failure)));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private CrmReceipt receipt(HttpResponse<Buffer> response) {
        if (response.statusCode() / 100 != 2) {
            throw new CrmCallException("webhook " + url + " answered " + response.statusCode() + ": " + CrmHttp.abbreviated(response.bodyAsString()));
        }
        return new CrmReceipt(externalId(response.body()), clock.instant());
    }

    /** The {@code id} of a JSON object answer; receivers need not answer one. */
    private String externalId(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            JsonNode id = json.readTree(body.getBytes()).get("id");
            return id == null || !id.isValueNode() || id.isNull() ? null : id.asText();
        } catch (IOException notJson) {
            return null;
        }
    }

    private byte[] serialize(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the webhook body " + body.getClass().getSimpleName(), e);
        }
    }

    private static String outcome(HttpResponse<Buffer> response) {
        return response == null ? "no-answer" : response.statusCode() / 100 + "xx";
    }

    private static String reason(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }
}
