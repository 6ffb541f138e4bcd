package io.leadflow.crmsync.crm;

import io.leadflow.crmsync.domain.CrmReceipt;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.ErasedLead;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.domain.UpsertOutcome;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Writes leads to one CRM. Implementations are non-blocking, make one attempt per call (the caller
 * retries) and make repeated calls for the same handoff safe on the CRM's side, since a crash after
 * a successful call and before it was recorded repeats the call once.
 */
public interface CrmAdapter {

    /** The CRM this adapter writes to, as recorded in the ledger and on {@code crm.synced.v1}. */
    CrmTarget target();

    /** The most leads one call of {@link #upsertAll} carries: the CRM's batch limit, or 1 for a CRM without a batch API. */
    default int batchSize() {
        return 1;
    }

    /**
     * Creates or updates the lead in the CRM.
     *
     * @return the CRM's receipt; fails with {@link CrmCallException} when the CRM did not take the lead
     */
    Uni<CrmReceipt> upsert(LeadUpsert lead);

    /**
     * Deletes the lead's records from the CRM (right to erasure). Records that are already gone count
     * as erased, so a repeat after a crash is harmless.
     *
     * @return what was done, in one line for the erasure entry; fails with {@link CrmCallException} when the CRM did not
     */
    Uni<String> erase(ErasedLead lead);

    /**
     * Creates or updates many leads, in as few calls as the CRM's batch limits allow. A lead the
     * CRM rejects does not fail the others: its outcome says why. The whole call fails with
     * {@link CrmCallException} only when the CRM could not be used at all (no answer, 429, 5xx).
     *
     * @return one outcome per lead, in the order given
     */
    default Uni<List<UpsertOutcome>> upsertAll(List<LeadUpsert> leads) {
        return Multi.createFrom().iterable(leads)
                .onItem().transformToUniAndConcatenate(lead -> upsert(lead).map(receipt -> UpsertOutcome.accepted(lead.handoffId(), receipt)))
                .collect().asList();
    }
}
