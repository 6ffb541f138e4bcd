package io.leadflow.scoring.persistence;

import io.leadflow.events.AccountStage;
import io.leadflow.events.BuyingRole;
import io.leadflow.scoring.domain.account.AccountStanding;
import io.leadflow.scoring.domain.model.Grade;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** An account as of its last roll-up: its standing and how many times it became an MQA. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @Column(name = "account_key")
    private String accountKey;

    @Column(nullable = false)
    private int score;

    @Column(name = "fit_score", nullable = false)
    private int fitScore;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Grade grade;

    @Column(nullable = false)
    private String coverage;

    @Column(nullable = false)
    private int leads;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStage stage;

    @Column(nullable = false)
    private int qualifications;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Account() {
    }

    public String key() {
        return accountKey;
    }

    public AccountStanding standing() {
        return new AccountStanding(score, fitScore, grade, Set.copyOf(coverageRoles()), leads, stage);
    }

    public int qualifications() {
        return qualifications;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Takes the standing of a roll-up; a move to MQA counts one more qualification. */
    public void rolledUp(AccountStanding standing, Instant now) {
        if (standing.stage() == AccountStage.MQA && stage != AccountStage.MQA) {
            qualifications++;
        }
        score = standing.score();
        fitScore = standing.fitScore();
        grade = standing.grade();
        coverage = standing.coverage().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        leads = standing.leads();
        stage = standing.stage();
        updatedAt = now;
    }

    /** The roles in declaration order. */
    public List<BuyingRole> coverageRoles() {
        EnumSet<BuyingRole> roles = EnumSet.noneOf(BuyingRole.class);
        Arrays.stream(coverage.split(",")).filter(name -> !name.isEmpty()).map(BuyingRole::valueOf).forEach(roles::add);
        return List.copyOf(roles);
    }
}
