package io.leadflow.crmsync.domain;

/**
 * What a CRM did with one lead of a batch: took it ({@code receipt}) or rejected it ({@code error}).
 *
 * @param handoffId the handoff the lead was written for
 * @param receipt the CRM's receipt, when it took the lead
 * @param error why it rejected the lead, when it did
 */
public record UpsertOutcome(String handoffId, CrmReceipt receipt, String error) {

    public static UpsertOutcome accepted(String handoffId, CrmReceipt receipt) {
        return new UpsertOutcome(handoffId, receipt, null);
    }

    public static UpsertOutcome rejected(String handoffId, String error) {
        return new UpsertOutcome(handoffId, null, error);
    }

    public boolean isAccepted() {
        return receipt != null;
    }
}
