package io.leadflow.handoff.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.Topics;
import io.leadflow.handoff.domain.EventFilter;
import io.leadflow.handoff.domain.HandoffAudience;
import io.leadflow.handoff.persistence.HandoffEventRecord;
import io.leadflow.handoff.persistence.WebhookDelivery;
import io.leadflow.handoff.persistence.WebhookSubscriptionRepository;
import io.leadflow.txmessaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.function.Predicate;

/**
 * Publishes a handoff event to every kind of sales consumer at once, in the caller's transaction:
 * the outbox row for {@code leadflow.handoffs.v1}, the event record that live streams read (its
 * insert notifies them on commit) and one delivery per webhook subscription whose filter it passes.
 * One transaction, so a consumer never hears of a change that did not happen, nor misses one that did.
 */
@ApplicationScoped
public class HandoffEvents {

    private final Outbox outbox;
    private final WebhookSubscriptionRepository subscriptions;
    private final ObjectMapper json;
    private final Clock clock;

    public HandoffEvents(Outbox outbox, WebhookSubscriptionRepository subscriptions, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Publishes {@code data} as a CloudEvent of type {@code audience.eventType()}; must run inside a transaction.
     *
     * @param eventId the CloudEvent id; deterministic, so a repeated decision is a duplicate everywhere
     */
    public Uni<Void> publish(String leadKey, String eventId, Object data, HandoffAudience audience) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        HandoffEventRecord record = new HandoffEventRecord(eventId, leadKey, audience.eventType(), write(audience), write(data), now);
        return outbox.add(Topics.HANDOFFS, leadKey, eventId, audience.eventType(), data)
                .flatMap(added -> record.persist())
                .flatMap(persisted -> deliver(eventId, now, filter -> filter.matches(audience)));
    }

    /**
     * Tells webhook subscribers (and live streams) of a lead's erasure, without a record on the topic (the erasure has
     * its own): one delivery, signed and retried like any other, per subscription that follows any of the reps or
     * queues the lead's handoffs went to, whatever event types it chose, since it may hold the lead. Must run inside
     * a transaction.
     *
     * @param leadKey the key the notice is stored under: not the erased lead's
     * @param audiences one per handoff of the lead (its assignee and queue); not empty
     */
    public Uni<Void> notifyErasure(String leadKey, String eventId, Object data, List<HandoffAudience> audiences) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        HandoffAudience all = new HandoffAudience(audiences.get(0).eventType(),
                audiences.stream().flatMap(audience -> audience.reps().stream()).collect(Collectors.toSet()), audiences.get(0).queue());
        HandoffEventRecord record = new HandoffEventRecord(eventId, leadKey, all.eventType(), write(all), write(data), now);
        return record.persist().flatMap(persisted -> deliver(eventId, now, filter -> audiences.stream().anyMatch(filter::follows)));
    }

    // one pending delivery of the stored event per subscription whose filter passes, persisted in one step (not a chain
    // of a step per subscription, which grows the stack with their number)
    private Uni<Void> deliver(String eventId, Instant now, Predicate<EventFilter> passes) {
        return subscriptions.listAll().flatMap(all -> {
            List<WebhookDelivery> deliveries = new ArrayList<>();
            for (var subscription : all) {
                if (passes.test(subscriptions.filterOf(subscription))) {
                    UUID id = UUID.fromString(DeterministicIds.of("webhook-delivery", subscription.id().toString(), eventId));
                    deliveries.add(WebhookDelivery.pending(id, subscription.id(), eventId, now));
                }
            }
            return deliveries.isEmpty() ? Uni.createFrom().voidItem() : WebhookDelivery.persist(deliveries);
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
