package io.leadflow.handoff.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.handoff.domain.EventFilter;
import io.leadflow.handoff.domain.SecretRing;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Webhook subscriptions, with their filter and secrets read from and written to JSON. */
@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    private final ObjectMapper json;

    public WebhookSubscriptionRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Stores a new subscription; needs a transaction. */
    public Uni<WebhookSubscription> create(String url, EventFilter filter, SecretRing secrets, Instant now) {
        return persist(new WebhookSubscription(UUID.randomUUID(), url, write(filter), write(secrets), now));
    }

    public void change(WebhookSubscription subscription, String url, EventFilter filter, Instant now) {
        subscription.change(url, write(filter), now);
    }

    public void changeSecrets(WebhookSubscription subscription, SecretRing secrets, Instant now) {
        subscription.changeSecrets(write(secrets), now);
    }

    public EventFilter filterOf(WebhookSubscription subscription) {
        return read(subscription.filter(), EventFilter.class);
    }

    public SecretRing secretsOf(WebhookSubscription subscription) {
        return readSecrets(subscription.secrets());
    }

    /** The secrets column as the dispatcher reads it, without the entity. */
    public SecretRing readSecrets(String column) {
        return read(column, SecretRing.class);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String column, Class<T> type) {
        try {
            return json.readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " does not read back", e);
        }
    }
}
