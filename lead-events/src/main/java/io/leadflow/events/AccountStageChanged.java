package io.leadflow.events;

import java.time.Instant;
import java.util.List;

/**
 * An account moved to another stage ({@code account.stage-changed.v1} on {@link Topics#ACCOUNTS}, keyed by the
 * account): handoff-service hands each new MQA to the account's owner. It names the account's leads by id and role
 * only, never by email: the topic keeps its records for weeks, an erased lead's email must not stay there.
 *
 * @param account the account's key: the company's domain, or {@code crm:<id>}
 * @param from the stage before
 * @param to the stage after
 * @param qualifications how many times the account has become an MQA, this change included: one handoff each
 * @param score the account's engagement score at the change
 * @param fitScore the best fit score among its leads
 * @param fitGrade that lead's grade, A to D
 * @param coverage the buying-group roles of its leads that engaged
 * @param leads its leads, most engaged first
 * @param causeEventId the CloudEvent id of the lead's change that caused it
 * @param changedAt when it changed
 */
public record AccountStageChanged(
        String account,
        AccountStage from,
        AccountStage to,
        int qualifications,
        int score,
        int fitScore,
        String fitGrade,
        List<BuyingRole> coverage,
        List<Member> leads,
        String causeEventId,
        Instant changedAt) {

    public static final String TYPE = "account.stage-changed.v1";

    public AccountStageChanged {
        coverage = coverage == null ? List.of() : List.copyOf(coverage);
        leads = leads == null ? List.of() : List.copyOf(leads);
    }

    /**
     * A lead of the account.
     *
     * @param leadId the lead's id in scoring-service
     * @param role its buying-group role
     * @param points what it adds to the account's score (capped and faded)
     */
    public record Member(String leadId, BuyingRole role, int points) {
    }
}
