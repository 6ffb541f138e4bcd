package io.leadflow.handoff.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadflow.handoff.domain.EventFilter;
import io.leadflow.handoff.domain.SecretRing;
import io.leadflow.handoff.persistence.WebhookSubscription;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A webhook subscription as the API shows it. Secret values are shown once, when they are made.
 *
 * @param secrets the live signing secrets, newest first; a delivery carries one signature per secret
 * @param secret the value of the secret just made; only in the answer that made it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(UUID id, String url, Set<String> reps, Set<String> queues, Set<String> eventTypes,
        List<SecretView> secrets, String secret, Instant createdAt, Instant updatedAt) {

    /**
     * One signing secret, without its value.
     *
     * @param retiresAt when it stops signing; null for the current secret
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SecretView(String id, String secret, Instant createdAt, Instant retiresAt) {
    }

    static WebhookView of(WebhookSubscription subscription, EventFilter filter, SecretRing secrets, Instant now) {
        List<SecretView> live = secrets.live(now).stream()
                .map(secret -> new SecretView(secret.id(), null, secret.createdAt(), secret.retiresAt())).toList();
        return new WebhookView(subscription.id(), subscription.url(), filter.reps(), filter.queues(), filter.eventTypes(), live, null,
                subscription.createdAt(), subscription.updatedAt());
    }

    WebhookView withSecret(String value) {
        return new WebhookView(id, url, reps, queues, eventTypes, secrets, value, createdAt, updatedAt);
    }
}
