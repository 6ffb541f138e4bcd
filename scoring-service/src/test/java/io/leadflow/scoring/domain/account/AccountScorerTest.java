package io.leadflow.scoring.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.AccountStage;
import io.leadflow.events.BuyingRole;
import io.leadflow.scoring.domain.model.AccountModel;
import io.leadflow.scoring.domain.model.Grade;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountScorerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final AccountModel MODEL = new AccountModel(50, Duration.ofDays(30), new AccountModel.Mqa(100, Grade.B, 2), null);
    private final AccountScorer scorer = new AccountScorer(MODEL);

    @Test
    void eachLeadAddsAtMostTheCapAndNothingBelowZero() {
        // Given one very busy lead and one whose score is negative
        List<AccountMember> members = List.of(member(400, NOW, Grade.A, "CEO"), member(-30, NOW, Grade.C, "Engineer"));

        // When
        AccountStanding standing = scorer.score(members, NOW);

        // Then the busy lead adds the cap alone and the negative one neither adds nor covers a role
        assertThat(standing.score()).isEqualTo(50);
        assertThat(standing.coverage()).containsExactly(BuyingRole.DECISION_MAKER);
        assertThat(standing.stage()).isEqualTo(AccountStage.ENGAGED);
    }

    @Test
    void aContributionFadesByHalfEachHalfLife() {
        AccountStanding standing = scorer.score(List.of(member(40, NOW.minus(Duration.ofDays(30)), Grade.B, "CEO")), NOW);

        assertThat(standing.score()).isEqualTo(20);
    }

    @Test
    void anAccountIsAnMqaWhenScoreFitAndCoverageMeetTheThresholds() {
        // Given three engaged leads in two roles, the best of them fitting B
        List<AccountMember> members = List.of(member(50, NOW, Grade.B, "VP Sales"), member(30, NOW, Grade.C, "Engineer"),
                member(30, NOW, Grade.D, "Developer"));

        // When
        AccountStanding standing = scorer.score(members, NOW);

        // Then
        assertThat(standing).extracting(AccountStanding::score, AccountStanding::grade, AccountStanding::leads, AccountStanding::stage)
                .containsExactly(110, Grade.B, 3, AccountStage.MQA);
        assertThat(standing.coverage()).containsExactlyInAnyOrder(BuyingRole.DECISION_MAKER, BuyingRole.TECHNICAL_EVALUATOR);
    }

    @Test
    void oneRoleAloneDoesNotMakeAnMqaHoweverEngaged() {
        List<AccountMember> members = List.of(member(50, NOW, Grade.A, "Engineer"), member(50, NOW, Grade.A, "Developer"),
                member(50, NOW, Grade.A, "Architect"));

        assertThat(scorer.score(members, NOW).stage()).isEqualTo(AccountStage.ENGAGED);
    }

    @Test
    void anAccountWithoutLeadsIsEmpty() {
        assertThat(scorer.score(List.of(), NOW)).extracting(AccountStanding::score, AccountStanding::fitScore, AccountStanding::leads)
                .containsExactly(0, 0, 0);
    }

    private static AccountMember member(int score, Instant asOf, Grade grade, String title) {
        return AccountMember.of(UUID.randomUUID(), score, asOf, 60 - grade.ordinal() * 20, grade, Map.of("jobTitle", title), MODEL);
    }
}
