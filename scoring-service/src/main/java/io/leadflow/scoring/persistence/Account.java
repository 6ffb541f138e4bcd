package io.leadflow.scoring.persistence;

import io.leadflow.events.AccountStage;
import io.leadflow.events.BuyingRole;
import io.leadflow.scoring.domain.account.AccountStanding;
import io.leadflow.scoring.domain.account.AccountTally;
import io.leadflow.scoring.domain.model.Grade;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    @Column(name = "faded_points", nullable = false)
    private double fadedPoints;

    @Column(name = "faded_as_of", nullable = false)
    private Instant fadedAsOf;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "engaged_roles", columnDefinition = "jsonb", nullable = false)
    private Map<String, Integer> engagedRoles;

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

    /** The running tally its members' changes adjust. */
    public AccountTally tally() {
        Map<BuyingRole, Integer> roles = new EnumMap<>(BuyingRole.class);
        if (engagedRoles != null) {
            engagedRoles.forEach((role, count) -> roles.put(BuyingRole.valueOf(role), count));
        }
        return new AccountTally(fadedPoints, fadedAsOf == null ? Instant.EPOCH : fadedAsOf, leads, roles);
    }

    /** Takes a roll-up's tally and the standing it makes; a move to MQA counts one more qualification. */
    public void rolledUp(AccountTally tally, AccountStanding standing, Instant now) {
        fadedPoints = tally.fadedPoints();
        fadedAsOf = tally.asOf();
        engagedRoles = new TreeMap<>();
        tally.engagedByRole().forEach((role, count) -> engagedRoles.put(role.name(), count));
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
