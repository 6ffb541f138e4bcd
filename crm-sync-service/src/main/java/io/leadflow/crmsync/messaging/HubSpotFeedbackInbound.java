package io.leadflow.crmsync.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.HubSpotFeedbackRules;
import io.leadflow.crmsync.persistence.SyncLedger;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.SalesFeedback;
import io.leadflow.events.Topics;
import io.leadflow.txmessaging.Outbox;
import io.leadflow.txmessaging.ProcessOnce;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Turns HubSpot webhook events (contact property changes) into {@code sales.feedback.v1} on
 * {@code leadflow.sales-feedback.v1}, so work done in HubSpot reaches the lead's lifecycle. The
 * contact is found in the sync ledger by its HubSpot id (the handoff that created it, the latest
 * if several); a change that says nothing to sales, or about a contact Leadflow did not hand off, is
 * skipped. Each HubSpot {@code eventId} is published at most once (processed-event table + outbox),
 * however often HubSpot retries the delivery.
 */
@ApplicationScoped
public class HubSpotFeedbackInbound {

    static final String CHANNEL = "hubspot-inbound";
    private static final Logger LOG = Logger.getLogger(HubSpotFeedbackInbound.class);

    private final SyncLedger ledger;
    private final ProcessOnce processOnce;
    private final Outbox outbox;

    public HubSpotFeedbackInbound(SyncLedger ledger, ProcessOnce processOnce, Outbox outbox) {
        this.ledger = ledger;
        this.processOnce = processOnce;
        this.outbox = outbox;
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
        return ledger.latestWithExternalId(CrmTarget.HUBSPOT, contactId).flatMap(record -> {
            if (record == null) {
                LOG.debugf("HubSpot contact %s was not handed off by Leadflow; ignoring its change", contactId);
                return Uni.createFrom().item(false);
            }
            SalesFeedback feedback = new SalesFeedback(record.handoffId(), record.leadId(), record.leadKey(), null,
                    verdict.get().action(), verdict.get().reasonCode(), "hubspot", occurredAt);
            return processOnce.process(CHANNEL, eventId,
                    () -> outbox.add(Topics.SALES_FEEDBACK, record.leadKey(), eventId, SalesFeedback.TYPE, feedback));
        });
    }
}
