package io.leadflow.handoff.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.handoff.config.WebhookConfig;
import io.leadflow.handoff.domain.WebhookSecret;
import io.leadflow.handoff.persistence.WebhookDelivery;
import io.leadflow.handoff.persistence.WebhookSubscriptionRepository;
import io.leadflow.txmessaging.Backoff;
import io.leadflow.webhooks.StandardWebhooks;
import io.leadflow.webhooks.WebhookHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends webhook deliveries as CloudEvents (structured mode) signed the Standard Webhooks way, the
 * delivery's id as {@code webhook-id}, and retries failed ones with
 * backoff until they succeed or run out of attempts. Each pass claims the due deliveries by moving
 * their next attempt past the send timeout ({@code FOR UPDATE SKIP LOCKED}), so instances share the
 * work and a delivery whose instance died mid-send is tried again once its claim lapses.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

    private static final String CLAIM = """
            with claimed as (
                update webhook_delivery d set attempts = d.attempts + 1, next_attempt_at = $2
                where d.id in (select id from webhook_delivery where status = 'PENDING' and next_attempt_at <= $1
                               order by next_attempt_at limit $3 for update skip locked)
                returning d.id, d.subscription_id, d.event_id, d.attempts)
            select c.id, c.attempts, s.url, s.secrets::text as secrets, e.event_id, e.type, e.data, e.created_at
            from claimed c
            join webhook_subscription s on s.id = c.subscription_id
            join handoff_event e on e.event_id = c.event_id""";

    private static final String RECORD = """
            update webhook_delivery set status = $2, next_attempt_at = $3, last_status_code = $4, last_error = $5,
                delivered_at = case when $2 = 'DELIVERED' then $3 end
            where id = $1""";

    private final Pool pool;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookConfig config;
    private final ObjectMapper json;
    /** Writes delivered bodies with markup characters escaped (HtmlSafeEscapes): captured text arrives inert. */
    private final ObjectWriter deliveryJson;
    private final String source;
    private final Clock clock;
    private final MeterRegistry meters;
    private final WebhookTargets targets;
    private final HttpClient http;

    public WebhookDispatcher(Pool pool, WebhookSubscriptionRepository subscriptions, WebhookConfig config, ObjectMapper json,
            @ConfigProperty(name = "leadflow.cloud-events.source") String source, Clock clock, MeterRegistry meters,
            WebhookTargets targets) {
        this.pool = pool;
        this.targets = targets;
        this.subscriptions = subscriptions;
        this.config = config;
        this.json = json;
        this.deliveryJson = json.writer().with(new HtmlSafeEscapes());
        this.source = source;
        this.clock = clock;
        this.meters = meters;
        // redirects are not followed: a receiver that moved must be re-registered, not followed blindly
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(every = "${leadflow.webhooks.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return pass()
                .onFailure().invoke(failure -> LOG.warnf("webhook pass failed, the next pass retries: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass: sends the deliveries that are due; the item is how many were attempted. */
    public Uni<Integer> pass() {
        Instant now = clock.instant();
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(at(now), at(now.plus(config.timeout()).plus(CLAIM_MARGIN)), config.batchSize()))
                .flatMap(this::deliverAll);
    }

    private Uni<Integer> deliverAll(RowSet<Row> claimed) {
        if (claimed.size() == 0) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> deliveries = new ArrayList<>(claimed.size());
        for (Row row : claimed) {
            deliveries.add(deliver(row));
        }
        return Uni.join().all(deliveries).andCollectFailures().replaceWith(claimed.size());
    }

    private Uni<Void> deliver(Row row) {
        UUID id = row.getUUID("id");
        int attempts = row.getInteger("attempts");
        // the URL is checked again before each attempt: its host may resolve elsewhere since it was subscribed
        return targets.refusal(row.getString("url"))
                .flatMap(refusal -> refusal.isPresent() ? Uni.createFrom().item(DeliveryOutcome.refused(refusal.get())) : send(row))
                .onFailure().recoverWithItem(DeliveryOutcome::failed)
                .flatMap(outcome -> record(id, attempts, outcome));
    }

    private Uni<DeliveryOutcome> send(Row row) {
        return Uni.createFrom().item(() -> request(row))
                .flatMap(request -> Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding())))
                .map(response -> DeliveryOutcome.answered(response.statusCode()));
    }

    private HttpRequest request(Row row) {
        Instant now = clock.instant();
        byte[] body = envelope(row).getBytes(StandardCharsets.UTF_8);
        List<String> secrets = subscriptions.readSecrets(row.getString("secrets")).live(now).stream().map(WebhookSecret::value).toList();
        WebhookHeaders signed = StandardWebhooks.sign(row.getUUID("id").toString(), now, body, secrets);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(row.getString("url")))
                .timeout(config.timeout())
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.asMap().forEach(request::header);
        return request.build();
    }

    /** The event as a structured-mode CloudEvent: the same id, type and data as on the topic. */
    private String envelope(Row row) {
        ObjectNode event = json.createObjectNode()
                .put("specversion", "1.0")
                .put("id", row.getString("event_id"))
                .put("source", source)
                .put("type", row.getString("type"))
                .put("time", row.getOffsetDateTime("created_at").toInstant().toString())
                .put("datacontenttype", "application/json");
        try {
            event.set("data", json.readTree(row.getString("data")));
            return deliveryJson.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event " + row.getString("event_id") + " is not JSON", e);
        }
    }

    private Uni<Void> record(UUID id, int attempts, DeliveryOutcome outcome) {
        Instant now = clock.instant();
        Backoff backoff = config.backoff();
        WebhookDelivery.Status status;
        Instant next = now;
        if (outcome.delivered()) {
            status = WebhookDelivery.Status.DELIVERED;
        } else if (outcome.retryable() && attempts < config.maxAttempts()) {
            status = WebhookDelivery.Status.PENDING;
            next = now.plus(backoff.delay(attempts, ThreadLocalRandom.current().nextDouble()));
        } else {
            status = WebhookDelivery.Status.FAILED;
            LOG.warnf("webhook delivery %s failed for good after %d attempt(s): %s", id, attempts, outcome.error());
        }
        // outcome of each attempt: delivered, pending (to be retried) or failed (given up)
        meters.counter("leadflow.webhooks.attempts", "outcome", status.name().toLowerCase()).increment();
        return pool.preparedQuery(RECORD)
                .execute(Tuple.from(List.of(id, status.name(), at(next))).addValue(outcome.statusCode()).addValue(outcome.error()))
                .replaceWithVoid();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
