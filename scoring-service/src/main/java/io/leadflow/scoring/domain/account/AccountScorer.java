package io.leadflow.scoring.domain.account;

import io.leadflow.events.AccountStage;
import io.leadflow.events.BuyingRole;
import io.leadflow.scoring.domain.model.AccountModel;
import io.leadflow.scoring.domain.model.Grade;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Scores an account from its members: engagement is their capped points, each faded by the model's half-life since
 * the member's score last changed, added up; fit is the best member's (an account fits when someone who fits is
 * there); coverage the roles of those who engaged. It is an MQA while all three meet the model's thresholds.
 */
public final class AccountScorer {

    private final AccountModel model;

    public AccountScorer(AccountModel model) {
        this.model = model;
    }

    public AccountStanding score(Collection<AccountMember> members, Instant now) {
        double engagement = 0;
        int fitScore = Integer.MIN_VALUE;
        Grade grade = Grade.D;
        Set<BuyingRole> coverage = EnumSet.noneOf(BuyingRole.class);
        for (AccountMember member : members) {
            engagement += pointsOf(member, now);
            if (member.fitScore() > fitScore) {
                fitScore = member.fitScore();
            }
            if (member.grade().isAtLeast(grade)) {
                grade = member.grade();
            }
            if (member.engaged()) {
                coverage.add(member.role());
            }
        }
        int score = (int) Math.round(engagement);
        int fit = members.isEmpty() ? 0 : fitScore;
        return new AccountStanding(score, fit, grade, coverage, members.size(), qualifies(score, grade, coverage) ? AccountStage.MQA
                : AccountStage.ENGAGED);
    }

    private boolean qualifies(int score, Grade grade, Set<BuyingRole> coverage) {
        AccountModel.Mqa mqa = model.mqa();
        int roles = mqa.roles() == null ? 0 : mqa.roles();
        return score >= mqa.engagement() && grade.isAtLeast(mqa.fit()) && coverage.size() >= roles;
    }

    /** What the member adds to the account's score now: its points, faded since its last score change. */
    public double pointsOf(AccountMember member, Instant now) {
        Duration halfLife = model.halfLife();
        if (halfLife == null || !now.isAfter(member.asOf())) {
            return member.points();
        }
        return member.points() * Math.pow(0.5, (double) Duration.between(member.asOf(), now).toMillis() / halfLife.toMillis());
    }
}
