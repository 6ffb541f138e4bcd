package io.leadflow.events;

import java.time.Instant;
import java.util.List;

/**
 * An account's standing after a lead of it changed ({@code account.scored.v1} on {@link Topics#ACCOUNTS}, keyed by the
 * account): scoring rolls each lead's score up to its company's account (docs/accounts.md).
 *
 * @param account the account's key: the company's domain, or {@code crm:<id>} for a CRM account id
 * @param score the account's engagement score: its leads' capped, faded points added up
 * @param delta how much the score moved with this change
 * @param fitScore the best fit score among its leads
 * @param fitGrade that lead's fit grade, A to D
 * @param coverage the buying-group roles of its leads that engaged
 * @param leads how many leads belong to it
 * @param stage the account's stage after the change
 * @param causeEventId the CloudEvent id of the lead's change that caused this one (a {@code lead.scored.v1}, or the
 *     erasure's {@code lead.erased.v2})
 * @param changedAt when scoring-service rolled it up
 */
public record AccountScored(
        String account,
        int score,
        int delta,
        int fitScore,
        String fitGrade,
        List<BuyingRole> coverage,
        int leads,
        AccountStage stage,
        String causeEventId,
        Instant changedAt) {

    public static final String TYPE = "account.scored.v1";

    public AccountScored {
        coverage = coverage == null ? List.of() : List.copyOf(coverage);
    }
}
