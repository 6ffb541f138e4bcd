package io.leadflow.scoring.messaging;

import io.leadflow.events.AccountScored;
import io.leadflow.events.AccountStageChanged;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.Topics;
import io.leadflow.scoring.domain.account.AccountMember;
import io.leadflow.scoring.domain.account.AccountScorer;
import io.leadflow.scoring.domain.account.AccountStanding;
import io.leadflow.scoring.persistence.Account;
import io.leadflow.txmessaging.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The wire events scoring-service publishes about an account, and their deterministic ids. */
final class AccountEvents {

    private AccountEvents() {
    }

    /**
     * What to announce once the account took a roll-up's standing: its score when the standing changed, its stage when
     * it moved.
     *
     * @param before the account's standing before the roll-up
     */
    static List<Outbox.Event> rolledUp(Account account, AccountStanding before, List<AccountMember> members, AccountScorer scorer,
            String causeEventId, Instant now) {
        AccountStanding after = account.standing();
        List<Outbox.Event> events = new ArrayList<>(2);
        if (!after.equals(before)) {
            events.add(new Outbox.Event(Topics.ACCOUNTS, account.key(), DeterministicIds.of(causeEventId, account.key(), "account-score"),
                    AccountScored.TYPE, new AccountScored(account.key(), after.score(), after.score() - before.score(), after.fitScore(),
                            after.grade().name(), account.coverageRoles(), after.leads(), after.stage(), causeEventId, now)));
        }
        if (after.stage() != before.stage()) {
            // one event per account, stage and qualification: an MQA is announced (and handed off) once
            String id = DeterministicIds.of("account", account.key(), after.stage().name(), String.valueOf(account.qualifications()));
            List<AccountStageChanged.Member> leads = members.stream()
                    .sorted(Comparator.comparingDouble((AccountMember member) -> scorer.pointsOf(member, now)).reversed())
                    .map(member -> new AccountStageChanged.Member(member.leadId().toString(), member.role(),
                            (int) Math.round(scorer.pointsOf(member, now))))
                    .toList();
            events.add(new Outbox.Event(Topics.ACCOUNTS, account.key(), id, AccountStageChanged.TYPE, new AccountStageChanged(account.key(),
                    before.stage(), after.stage(), account.qualifications(), after.score(), after.fitScore(), after.grade().name(),
                    account.coverageRoles(), leads, causeEventId, now)));
        }
        return events;
    }
}
