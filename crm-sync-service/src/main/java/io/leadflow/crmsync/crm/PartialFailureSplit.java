package io.leadflow.crmsync.crm;

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
    private final Clock clock;

    public PartialFailureSplit(Function<List<LeadUpsert>, Uni<BatchAnswer>> send, Clock clock) {
        this.send = send;
        this.clock = clock;
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
