package io.leadflow.scoring.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadflow.events.BuyingRole;
import io.leadflow.scoring.domain.model.AccountModel;
import io.leadflow.scoring.domain.model.Grade;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountTallyTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final AccountModel MODEL = new AccountModel(50, Duration.ofDays(30), new AccountModel.Mqa(100, Grade.B, 2), null);
    private static final List<String> TITLES = List.of("CEO", "VP Engineering", "CFO", "Marketing Manager", "Intern");
    private final AccountScorer scorer = new AccountScorer(MODEL);

    @Test
    void aTallyKeptThroughJoinsChangesAndLeavesScoresAsTheMembersItEndsWithDo() {
        // given an account whose members join, change score and leave over two months, in a random but fixed order
        Random random = new Random(20);
        Map<UUID, AccountMember> members = new LinkedHashMap<>();
        AccountTally tally = AccountTally.EMPTY;
        Instant now = START;
        for (int step = 0; step < 2_000; step++) {
            now = now.plusSeconds(random.nextInt(3_600));
            List<UUID> ids = new ArrayList<>(members.keySet());
            int what = random.nextInt(3);
            if (what == 0 || ids.isEmpty()) {
                AccountMember joined = member(UUID.randomUUID(), random.nextInt(-10, 80), now.minusSeconds(random.nextInt(600)), random);
                members.put(joined.leadId(), joined);
                tally = tally.with(joined, now, scorer::faded);
            } else {
                UUID id = ids.get(random.nextInt(ids.size()));
                tally = tally.without(members.remove(id), now, scorer::faded);
                if (what == 1) {
                    AccountMember changed = member(id, random.nextInt(-10, 80), now, random);
                    members.put(id, changed);
                    tally = tally.with(changed, now, scorer::faded);
                }
            }
        }

        // when both are read later
        Instant later = now.plus(Duration.ofDays(10));
        AccountStanding fromMembers = scorer.score(members.values(), later);
        AccountStanding fromTally = scorer.standing(tally, fromMembers.fitScore(), fromMembers.grade(), later);

        // then the tally gives what the members give, without reading them
        assertThat(tally.leads()).isEqualTo(members.size());
        assertThat(scorer.faded(tally.fadedPoints(), tally.asOf(), later))
                .isCloseTo(members.values().stream().mapToDouble(member -> scorer.pointsOf(member, later)).sum(), within(1e-6));
        assertThat(fromTally).isEqualTo(fromMembers);
    }

    @Test
    void theLastMemberLeavingEmptiesTheTally() {
        AccountMember only = member(UUID.randomUUID(), 40, START, new Random(1));
        AccountTally tally = AccountTally.EMPTY.with(only, START, scorer::faded).without(only, START.plusSeconds(60), scorer::faded);

        assertThat(tally).isEqualTo(AccountTally.EMPTY);
        assertThat(scorer.standing(tally, 60, Grade.A, START).leads()).isZero();
    }

    @Test
    void aRoleIsCoveredWhileOneEngagedMemberHoldsIt() {
        AccountMember ceo = AccountMember.of(UUID.randomUUID(), 30, START, 40, Grade.B, Map.of("jobTitle", "CEO"), MODEL);
        AccountMember idleCfo = AccountMember.of(UUID.randomUUID(), 0, START, 40, Grade.B, Map.of("jobTitle", "CFO"), MODEL);

        AccountTally tally = AccountTally.EMPTY.with(ceo, START, scorer::faded).with(idleCfo, START, scorer::faded);

        assertThat(tally.coverage()).containsExactly(ceo.role());
        assertThat(tally.without(ceo, START, scorer::faded).coverage()).isEmpty();
        assertThat(ceo.role()).isNotEqualTo(idleCfo.role());
        assertThat(BuyingRole.values()).contains(ceo.role());
    }

    private static AccountMember member(UUID id, int score, Instant asOf, Random random) {
        Grade grade = Grade.values()[random.nextInt(Grade.values().length)];
        return AccountMember.of(id, score, asOf, 60 - grade.ordinal() * 20, grade, Map.of("jobTitle", TITLES.get(random.nextInt(TITLES.size()))), MODEL);
    }
}
