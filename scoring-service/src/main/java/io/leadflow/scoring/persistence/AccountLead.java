package io.leadflow.scoring.persistence;

import io.leadflow.events.BuyingRole;
import io.leadflow.scoring.domain.account.AccountMember;
import io.leadflow.scoring.domain.model.Grade;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A lead's part in its account ({@link AccountMember}), as of the lead's last score change. */
@Entity
@Table(name = "account_lead")
public class AccountLead {

    @Id
    @Column(name = "lead_id")
    private UUID leadId;

    @Column(name = "account_key", nullable = false)
    private String accountKey;

    @Column(nullable = false)
    private int points;

    @Column(name = "as_of", nullable = false)
    private Instant asOf;

    @Column(name = "fit_score", nullable = false)
    private int fitScore;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Grade grade;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BuyingRole role;

    protected AccountLead() {
    }

    AccountLead(UUID leadId) {
        this.leadId = leadId;
    }

    public UUID leadId() {
        return leadId;
    }

    public String accountKey() {
        return accountKey;
    }

    public AccountMember member() {
        return new AccountMember(leadId, points, asOf, fitScore, grade, role);
    }

    void become(String key, AccountMember member) {
        accountKey = key;
        points = member.points();
        asOf = member.asOf();
        fitScore = member.fitScore();
        grade = member.grade();
        role = member.role();
    }
}
