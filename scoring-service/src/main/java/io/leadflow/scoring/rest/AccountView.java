package io.leadflow.scoring.rest;

import io.leadflow.events.AccountStage;
import io.leadflow.events.BuyingRole;
import io.leadflow.scoring.domain.account.AccountMember;
import io.leadflow.scoring.domain.account.AccountStanding;
import io.leadflow.scoring.persistence.Account;
import io.leadflow.scoring.persistence.Lead;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An account as of its last roll-up: its engagement score, fit, stage, buying-group coverage and leads.
 *
 * @param account its key: the company's domain, or {@code crm:<id>}
 * @param score its engagement score: its leads' capped, faded points added up
 * @param fitScore its best lead's fit score
 * @param grade that lead's fit grade
 * @param stage ENGAGED, or MQA while it meets the model's MQA thresholds
 * @param qualifications how many times it became an MQA
 * @param coverage the buying-group roles of its leads that engaged
 * @param missingRoles the roles no engaged lead covers yet
 * @param leadCount how many leads belong to it
 * @param leads its leads with the most points, most first: at most {@value AccountResource#LEADS_SHOWN}
 * @param updatedAt when it was last rolled up
 */
public record AccountView(String account, int score, int fitScore, String grade, AccountStage stage, int qualifications,
        List<BuyingRole> coverage, List<BuyingRole> missingRoles, int leadCount, List<AccountLeadView> leads, Instant updatedAt) {

    /**
     * A lead of the account.
     *
     * @param id the lead's id
     * @param email its email, when known
     * @param role its buying-group role
     * @param points what it added to the account at its last score change, capped
     * @param fitScore its fit score
     * @param grade its fit grade
     * @param stage its own lifecycle stage
     */
    public record AccountLeadView(UUID id, String email, BuyingRole role, int points, int fitScore, String grade, String stage) {
    }

    static AccountView of(Account account, List<AccountMember> members, Map<UUID, Lead> leads) {
        AccountStanding standing = account.standing();
        List<BuyingRole> coverage = account.coverageRoles();
        List<AccountLeadView> leadViews = members.stream()
                .sorted(Comparator.comparingInt(AccountMember::points).reversed().thenComparing(AccountMember::leadId))
                .map(member -> {
                    Lead lead = leads.get(member.leadId());
                    return new AccountLeadView(member.leadId(), lead == null ? null : lead.email(), member.role(), member.points(),
                            member.fitScore(), member.grade().name(), lead == null ? null : lead.stage().name());
                })
                .toList();
        List<BuyingRole> missing = List.of(BuyingRole.values()).stream().filter(role -> !coverage.contains(role)).toList();
        return new AccountView(account.key(), standing.score(), standing.fitScore(), standing.grade().name(), standing.stage(),
                account.qualifications(), coverage, missing, standing.leads(), leadViews, account.updatedAt());
    }
}
