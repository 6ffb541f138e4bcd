package io.leadflow.handoff.rest;

import io.leadflow.handoff.persistence.WebhookDelivery;
import java.time.Instant;
import java.util.UUID;

/**
 * One webhook delivery: an event sent (or to send) to a subscription.
 *
 * @param status {@code PENDING} while attempts remain, {@code DELIVERED} once the receiver answered
 *     2xx, {@code FAILED} when every attempt failed
 * @param nextAttemptAt when a pending delivery is tried next
 * @param lastStatusCode the receiver's last HTTP status; null when it did not answer
 * @param lastError why the last attempt failed
 */
public record DeliveryView(UUID id, String eventId, WebhookDelivery.Status status, int attempts, Instant nextAttemptAt,
        Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt) {

    static DeliveryView of(WebhookDelivery delivery) {
        return new DeliveryView(delivery.id(), delivery.eventId(), delivery.status(), delivery.attempts(), delivery.nextAttemptAt(),
                delivery.lastStatusCode(), delivery.lastError(), delivery.createdAt(), delivery.deliveredAt());
    }
}
