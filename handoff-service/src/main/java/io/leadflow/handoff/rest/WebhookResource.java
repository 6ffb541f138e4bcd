package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.FieldProblem;
import io.leadflow.apisecurity.Roles;
import io.leadflow.handoff.domain.SecretRing;
import io.leadflow.handoff.domain.WebhookSecret;
import io.leadflow.handoff.messaging.WebhookTargets;
import io.leadflow.handoff.persistence.WebhookDelivery;
import io.leadflow.handoff.persistence.WebhookDeliveryRepository;
import io.leadflow.handoff.persistence.WebhookSubscription;
import io.leadflow.handoff.persistence.WebhookSubscriptionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** Signed webhook subscriptions: where handoff events are POSTed, which ones, and what became of each delivery. */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    private static final int MAX_DELIVERIES = 500;

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final StrictJson json;
    private final WebhookTargets targets;
    private final Clock clock;

    public WebhookResource(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries, StrictJson json,
            WebhookTargets targets, Clock clock) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    // no transaction around the request's validation: it looks the URL's host up in DNS first
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribes a URL to handoff events; the answer shows the signing secret, this once")
    public Uni<RestResponse<WebhookView>> create(String body) {
        return valid(body, true).flatMap(request -> Panache.withTransaction(() -> create(request)));
    }

    private Uni<RestResponse<WebhookView>> create(WebhookRequest request) {
        Instant now = clock.instant();
        WebhookSecret secret = request.secret() == null ? WebhookSecret.generate(now) : WebhookSecret.of(request.secret(), now);
        SecretRing ring = SecretRing.of(secret);
        return subscriptions.create(request.url(), request.filter(), ring, now)
                .map(created -> RestResponse.ResponseBuilder.<WebhookView>create(RestResponse.Status.CREATED)
                        .location(URI.create("/v1/webhooks/" + created.id()))
                        .entity(WebhookView.of(created, request.filter(), ring, now).withSecret(secret.value()))
                        .build());
    }

    @GET
    @WithSession
    @Operation(summary = "Every webhook subscription, oldest first")
    public Uni<List<WebhookView>> list() {
        return subscriptions.list("order by createdAt, id").map(all -> all.stream().map(this::view).toList());
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "One webhook subscription")
    public Uni<WebhookView> get(@PathParam("id") String id) {
        return find(id).map(this::view);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes a subscription's URL and filter; its secrets change only by rotation")
    public Uni<WebhookView> update(@PathParam("id") String id, String body) {
        return valid(body, false).flatMap(request -> Panache.withTransaction(() -> find(id).map(subscription -> {
            subscriptions.change(subscription, request.url(), request.filter(), clock.instant());
            return view(subscription);
        })));
    }

    @DELETE
    @Path("{id}")
    @WithTransaction
    @Operation(summary = "Ends a subscription; its pending deliveries are dropped")
    public Uni<Void> delete(@PathParam("id") String id) {
        return find(id).flatMap(subscriptions::delete);
    }

    @GET
    @Path("{id}/deliveries")
    @WithSession
    @Operation(summary = "A subscription's latest deliveries, newest first: attempts, next attempt, last error")
    public Uni<List<DeliveryView>> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        WebhookDelivery.Status wanted = status(status);
        if (limit < 1 || limit > MAX_DELIVERIES) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_DELIVERIES);
        }
        return find(id).flatMap(subscription -> deliveries.latest(subscription.id(), wanted, limit))
                .map(found -> found.stream().map(DeliveryView::of).toList());
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @WithTransaction
    @Operation(summary = "Queues a delivery again, due now, with a fresh set of attempts (a failed one, once the receiver is fixed)")
    public Uni<DeliveryView> redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        UUID delivery = uuid("deliveryId", deliveryId);
        return find(id).flatMap(subscription -> deliveries.ofSubscription(subscription.id(), delivery))
                .map(found -> {
                    if (found == null) {
                        throw new ResourceNotFoundException("delivery", deliveryId);
                    }
                    found.redeliver(clock.instant());
                    return DeliveryView.of(found);
                });
    }

    /** The subscription {@code id} names; 404 when none, 400 when it is no id. Needs a session. */
    Uni<WebhookSubscription> find(String id) {
        return subscriptions.findById(uuid("id", id)).map(found -> {
            if (found == null) {
                throw new ResourceNotFoundException("webhook", id);
            }
            return found;
        });
    }

    WebhookView view(WebhookSubscription subscription) {
        return WebhookView.of(subscription, subscriptions.filterOf(subscription), subscriptions.secretsOf(subscription), clock.instant());
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "is not an id: " + value);
        }
    }

    /** The request, or 400 naming every wrong field, among them a URL no webhook may be sent to. */
    private Uni<WebhookRequest> valid(String body, boolean creating) {
        WebhookRequest request = json.read(body, WebhookRequest.class, "a webhook subscription");
        List<FieldProblem> problems = request.problems(creating);
        Uni<Optional<String>> refusal = problems.stream().anyMatch(problem -> "url".equals(problem.field()))
                ? Uni.createFrom().item(Optional.empty())
                : targets.refusal(request.url())
                        .onFailure(UnknownHostException.class).recoverWithItem(Optional.of("has a host that does not resolve"));
        return refusal.map(urlRefusal -> {
            List<FieldProblem> all = new ArrayList<>();
            urlRefusal.ifPresent(reason -> all.add(new FieldProblem("url", reason)));
            all.addAll(problems);
            if (!all.isEmpty()) {
                throw new InvalidRequestException(all);
            }
            return request;
        });
    }

    private static WebhookDelivery.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return WebhookDelivery.Status.valueOf(status.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "is not one of " + List.of(WebhookDelivery.Status.values()));
        }
    }
}
