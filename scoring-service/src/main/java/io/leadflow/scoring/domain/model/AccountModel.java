package io.leadflow.scoring.domain.model;

import java.time.Duration;
import java.util.List;

/**
 * How leads roll up to accounts and when an account qualifies (an MQA): the {@code accounts} section of a scoring model.
 * Optional: a model without it rolls accounts up by {@link #byDefault()}.
 *
 * @param perLeadCap the most engagement points one lead adds to its account, so one busy person cannot qualify a company
 * @param halfLife how fast a lead's contribution fades after its last score change (ISO-8601, {@code P30D})
 * @param mqa the thresholds that make an account an MQA
 * @param freeMailDomains email domains of personal mailboxes besides the built-in list: their leads join no account by
 *     their email
 */
public record AccountModel(Integer perLeadCap, Duration halfLife, Mqa mqa, List<String> freeMailDomains) {

    public AccountModel {
        freeMailDomains = freeMailDomains == null ? List.of() : List.copyOf(freeMailDomains);
    }

    /**
     * As the shipped default model says: 60 points per person, a month's half-life, and 100 points, fit B and two roles
     * for an MQA (two people well engaged, one of them fitting, in different roles).
     */
    public static AccountModel byDefault() {
        return new AccountModel(60, Duration.ofDays(30), new Mqa(100, Grade.B, 2), null);
    }

    /**
     * @param engagement the least account engagement score
     * @param fit the least account fit grade (its best lead's)
     * @param roles the least number of buying-group roles that have engaged
     */
    public record Mqa(Integer engagement, Grade fit, Integer roles) {
    }
}
