package io.leadflow.handoff.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /** A subscription's latest deliveries, newest first, optionally only those in {@code status}; needs a session. */
    public Uni<List<WebhookDelivery>> latest(UUID subscriptionId, WebhookDelivery.Status status, int limit) {
        var query = status == null
                ? find("subscriptionId = ?1 order by createdAt desc, id", subscriptionId)
                : find("subscriptionId = ?1 and status = ?2 order by createdAt desc, id", subscriptionId, status);
        return query.page(Page.ofSize(limit)).list();
    }

    /** The subscription's delivery {@code id}, or null when it has none such; needs a session. */
    public Uni<WebhookDelivery> ofSubscription(UUID subscriptionId, UUID id) {
        return find("id = ?1 and subscriptionId = ?2", id, subscriptionId).firstResult();
    }
}
