package io.leadflow.scoring.domain.account;

import io.leadflow.events.AccountStage;
import io.leadflow.events.BuyingRole;
import io.leadflow.scoring.domain.model.AccountModel;
import io.leadflow.scoring.domain.model.Grade;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
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

    /** The standing these members make at {@code now}: what the running tally of the same members gives. */
    public AccountStanding score(Collection<AccountMember> members, Instant now) {
        AccountTally tally = AccountTally.EMPTY;
        Grade grade = Grade.D;
        for (AccountMember member : members) {
            tally = tally.with(member, now, this::faded);
            if (member.grade().isAtLeast(grade)) {
                grade = member.grade();
            }
        }
        return standing(tally, members.stream().mapToInt(AccountMember::fitScore).max().orElse(0), grade, now);
    }

    /**
     * The standing of an account from its running tally and its best member's fit and grade (an account fits when
     * someone who fits is there), at {@code now}.
     */
    public AccountStanding standing(AccountTally tally, int bestFitScore, Grade bestGrade, Instant now) {
        int score = (int) Math.round(faded(tally.fadedPoints(), tally.asOf(), now));
        Set<BuyingRole> coverage = tally.coverage();
        int fit = tally.leads() == 0 ? 0 : bestFitScore;
        Grade grade = tally.leads() == 0 ? Grade.D : bestGrade;
        return new AccountStanding(score, fit, grade, coverage, tally.leads(),
                qualifies(score, grade, coverage) ? AccountStage.MQA : AccountStage.ENGAGED);
    }

    private boolean qualifies(int score, Grade grade, Set<BuyingRole> coverage) {
        AccountModel.Mqa mqa = model.mqa();
        int roles = mqa.roles() == null ? 0 : mqa.roles();
        return score >= mqa.engagement() && grade.isAtLeast(mqa.fit()) && coverage.size() >= roles;
    }

    /** What the member adds to the account's score now: its points, faded since its last score change. */
    public double pointsOf(AccountMember member, Instant now) {
        return faded(member.points(), member.asOf(), now);
    }

    /** Points given at {@code from}, faded by the model's half-life to {@code to} (none when there is no half-life). */
    public double faded(double points, Instant from, Instant to) {
        Duration halfLife = model.halfLife();
        if (halfLife == null || !to.isAfter(from)) {
            return points;
        }
        return points * Math.pow(0.5, (double) Duration.between(from, to).toMillis() / halfLife.toMillis());
    }
}
