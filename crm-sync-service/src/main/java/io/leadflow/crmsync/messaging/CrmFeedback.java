package io.leadflow.crmsync.messaging;

import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.SalesVerdict;
import io.leadflow.crmsync.persistence.SyncLedger;
import io.leadflow.events.SalesFeedback;
import io.leadflow.events.Topics;
import io.leadflow.txmessaging.Outbox;
import io.leadflow.txmessaging.ProcessOnce;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Publishes sales' verdict on a CRM record as {@code sales.feedback.v1} on
 * {@code leadflow.sales-feedback.v1}, whichever way the CRM told us (HubSpot's webhooks, polling
 * Salesforce). The record is found in the sync ledger by its id in the CRM (the latest handoff that
 * wrote it); a record Leadflow did not hand off is skipped. Each change is published at most once
 * however often the CRM reports it: its id is recorded in the processed-event table in the same
 * transaction as the outbox row.
 */
@ApplicationScoped
public class CrmFeedback {

    private static final Logger LOG = Logger.getLogger(CrmFeedback.class);

    private final SyncLedger ledger;
    private final ProcessOnce processOnce;
    private final Outbox outbox;

    public CrmFeedback(SyncLedger ledger, ProcessOnce processOnce, Outbox outbox) {
        this.ledger = ledger;
        this.processOnce = processOnce;
        this.outbox = outbox;
    }

    /**
     * @param channel where the change came from, for the processed-event table and metrics
     * @param changeId the change's deterministic id: the event's ce_id
     * @return true when the feedback was published now, false when the record is not Leadflow's or the change was seen before
     */
    public Uni<Boolean> publish(String channel, String changeId, CrmTarget crm, String externalId, SalesVerdict verdict, Instant occurredAt) {
        return ledger.latestWithExternalId(crm, externalId).flatMap(record -> {
            if (record == null) {
                LOG.debugf("%s record %s was not handed off by Leadflow; ignoring its change", crm.wireName(), externalId);
                return Uni.createFrom().item(false);
            }
            SalesFeedback feedback = new SalesFeedback(record.handoffId(), record.leadId(), record.leadKey(), null,
                    verdict.action(), verdict.reasonCode(), crm.wireName(), occurredAt);
            return processOnce.process(channel, changeId,
                    () -> outbox.add(Topics.SALES_FEEDBACK, record.leadKey(), changeId, SalesFeedback.TYPE, feedback));
        });
    }
}
