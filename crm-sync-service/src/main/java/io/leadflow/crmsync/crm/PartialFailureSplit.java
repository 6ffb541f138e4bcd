package io.leadflow.crmsync.crm;

import io.leadflow.crmsync.domain.Batches;
import io.leadflow.crmsync.domain.CrmReceipt;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.domain.UpsertOutcome;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * One bad record never fails its batch: after the batch call, each lead the CRM did not take is
 * sent again alone, and only what fails alone is rejected. A failure of the call itself (no
 * answer, 429, 5xx) is not a rejection: it fails the whole call, for the caller to retry.
 */
public final class PartialFailureSplit {

    private final Function<List<LeadUpsert>, Uni<BatchAnswer>> send;
    private final int batchSize;
    private final Clock clock;

    /**
     * @param send one call of the CRM's batch API
     * @param batchSize the most leads the CRM takes in one call
     */
    public PartialFailureSplit(Function<List<LeadUpsert>, Uni<BatchAnswer>> send, int batchSize, Clock clock) {
        this.send = send;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** One outcome per lead, in order, in as few calls as the batch size allows. */
    public Uni<List<UpsertOutcome>> upsertAll(List<LeadUpsert> leads) {
        return Multi.createFrom().iterable(Batches.of(leads, batchSize))
                .onItem().transformToUniAndConcatenate(this::upsert)
                .onItem().<UpsertOutcome>disjoint()
                .collect().asList();
    }

    /**
     * Upserts one lead; fails with {@link CrmCallException} when the CRM rejects it.
     *
     * @param rejectedBy how the failure names who rejected what, e.g. "hubspot rejected the contact"
     */
    public Uni<CrmReceipt> upsertOne(LeadUpsert lead, String rejectedBy) {
        return upsertAll(List.of(lead)).map(outcomes -> {
            UpsertOutcome outcome = outcomes.get(0);
            if (!outcome.isAccepted()) {
                throw new CrmCallException(rejectedBy + ": " + outcome.error());
            }
            return outcome.receipt();
        });
    }

    /** One outcome per lead of the batch, in order. */
    public Uni<List<UpsertOutcome>> upsert(List<LeadUpsert> batch) {
        return send.apply(batch).flatMap(answer -> Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(lead -> outcome(lead, answer, batch.size() > 1))
                .collect().asList());
    }

    private Uni<UpsertOutcome> outcome(LeadUpsert lead, BatchAnswer answer, boolean inABatch) {
        String externalId = answer.externalIds().get(lead.handoffId());
        if (externalId != null) {
            return Uni.createFrom().item(UpsertOutcome.accepted(lead.handoffId(), new CrmReceipt(externalId, clock.instant())));
        }
        if (inABatch) {
            return upsert(List.of(lead)).map(alone -> alone.get(0));
        }
        return Uni.createFrom().item(UpsertOutcome.rejected(lead.handoffId(), answer.errorOf(lead.handoffId())));
    }
}
