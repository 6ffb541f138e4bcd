package io.leadflow.handoff.rest;

import io.leadflow.handoff.config.WebhookConfig;
import io.leadflow.apisecurity.Roles;
import io.leadflow.handoff.domain.SecretRing;
import io.leadflow.handoff.domain.WebhookSecret;
import io.leadflow.handoff.persistence.WebhookSubscriptionRepository;
import io.leadflow.webhooks.SigningSecret;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Secret rotation: a new secret signs at once, next to the old ones until they retire, so a receiver
 * can move to the new secret whenever it likes within the overlap.
 */
@Path("/v1/webhooks/{id}/secrets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookSecretResource {

    private final WebhookResource webhooks;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookConfig config;
    private final StrictJson json;
    private final Clock clock;

    public WebhookSecretResource(WebhookResource webhooks, WebhookSubscriptionRepository subscriptions, WebhookConfig config,
            StrictJson json, Clock clock) {
        this.webhooks = webhooks;
        this.subscriptions = subscriptions;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Adds a new signing secret (shown this once); the others retire after the overlap")
    public Uni<WebhookView.SecretView> rotate(@PathParam("id") String id, String body) {
        SecretRotation rotation = body == null || body.isBlank() ? new SecretRotation(null, null)
                : json.read(body, SecretRotation.class, "a secret rotation");
        if (rotation.secret() != null) {
            SigningSecret.problem(rotation.secret()).ifPresent(why -> {
                throw new InvalidRequestException("secret", why);
            });
        }
        if (rotation.overlap() != null && rotation.overlap().isNegative()) {
            throw new InvalidRequestException("overlap", "must not be negative");
        }
        Instant now = clock.instant();
        WebhookSecret added = rotation.secret() == null ? WebhookSecret.generate(now) : WebhookSecret.of(rotation.secret(), now);
        Duration overlap = rotation.overlap() == null ? config.rotationOverlap() : rotation.overlap();
        return webhooks.find(id).map(subscription -> {
            subscriptions.changeSecrets(subscription, subscriptions.secretsOf(subscription).rotate(added, now, overlap), now);
            return new WebhookView.SecretView(added.id(), added.value(), added.createdAt(), null);
        });
    }

    @DELETE
    @Path("{secretId}")
    @WithTransaction
    @Operation(summary = "Retires a signing secret now; the last live one cannot be retired (rotate first)")
    public Uni<Void> retire(@PathParam("id") String id, @PathParam("secretId") String secretId) {
        Instant now = clock.instant();
        return webhooks.find(id).map(subscription -> {
            SecretRing ring = subscriptions.secretsOf(subscription);
            if (ring.live(now).stream().noneMatch(secret -> secret.id().equals(secretId))) {
                throw new ResourceNotFoundException("live secret", secretId);
            }
            if (!ring.canRetire(secretId, now)) {
                throw new InvalidRequestException("secretId", "is the only live secret: rotate before retiring it");
            }
            subscriptions.changeSecrets(subscription, ring.retire(secretId, now), now);
            return null;
        });
    }
}
