package io.leadflow.crmsync.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.HubSpotFeedbackRules;
import io.leadflow.events.DeterministicIds;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Turns HubSpot webhook events (contact property changes) into {@code sales.feedback.v1} through
 * {@link CrmFeedback}, so work done in HubSpot reaches the lead's lifecycle. A change that says
 * nothing to sales is skipped; each HubSpot {@code eventId} is published at most once, however often
 * HubSpot retries the delivery.
 */
@ApplicationScoped
public class HubSpotFeedbackInbound {

    static final String CHANNEL = "hubspot-inbound";

    private final CrmFeedback feedback;

    public HubSpotFeedbackInbound(CrmFeedback feedback) {
        this.feedback = feedback;
    }

    /** Publishes the feedback in a HubSpot webhook body (an array of events); answers how many events became feedback. */
    public Uni<Integer> accept(JsonNode events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(this::acceptOne)
                .collect().asList()
                .map(published -> (int) published.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> acceptOne(JsonNode event) {
        var verdict = HubSpotFeedbackRules.of(event.path("propertyName").asText(null), event.path("propertyValue").asText(null));
        String contactId = event.path("objectId").asText("");
        if (verdict.isEmpty() || contactId.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        String eventId = DeterministicIds.of("hubspot-webhook", event.path("portalId").asText(""), event.path("eventId").asText(""));
        Instant occurredAt = Instant.ofEpochMilli(event.path("occurredAt").asLong(System.currentTimeMillis()));
        return feedback.publish(CHANNEL, eventId, CrmTarget.HUBSPOT, contactId, verdict.get(), occurredAt);
    }
}
