package io.leadflow.scoring.messaging;

import io.leadflow.scoring.config.ActiveScoringModel;
import io.leadflow.scoring.domain.account.AccountKeys;
import io.leadflow.scoring.domain.account.AccountMember;
import io.leadflow.scoring.domain.account.AccountScorer;
import io.leadflow.scoring.domain.account.AccountStanding;
import io.leadflow.scoring.domain.account.FreeMailDomains;
import io.leadflow.scoring.domain.model.AccountModel;
import io.leadflow.scoring.persistence.AccountLead;
import io.leadflow.scoring.persistence.AccountLeadRepository;
import io.leadflow.scoring.persistence.AccountRepository;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadRepository;
import io.leadflow.txmessaging.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Rolls a lead's change up to its account, in the caller's transaction: the lead's part in its account (capped score,
 * fit, role) is stored, the accounts it left and joined are scored afresh from their leads' parts, and what changed goes
 * to the outbox for {@code leadflow.accounts.v1}. Off the engagement path: it runs on scoring's own score feed
 * ({@link LeadScoresConsumer}) and on erasure, never while engagements are counted.
 */
@ApplicationScoped
public class AccountRollup {

    private final LeadRepository leads;
    private final AccountRepository accounts;
    private final AccountLeadRepository accountLeads;
    private final ActiveScoringModel model;
    private final Outbox outbox;
    private final Clock clock;

    public AccountRollup(LeadRepository leads, AccountRepository accounts, AccountLeadRepository accountLeads, ActiveScoringModel model,
            Outbox outbox, Clock clock) {
        this.leads = leads;
        this.accounts = accounts;
        this.accountLeads = accountLeads;
        this.model = model;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The lead's score changed ({@code causeEventId}): its account, or the one it left, is rolled up again. */
    public Uni<Void> leadChanged(UUID leadId, String causeEventId) {
        AccountModel settings = model.scorer().accounts();
        // the lead locked, as its erasure locks it: a roll-up and an erasure of one lead run one after the other
        return leads.lockById(leadId).flatMap(lead -> accountLeads.findById(leadId).flatMap(membership -> {
            Optional<String> joined = lead == null ? Optional.empty()
                    : new AccountKeys(FreeMailDomains.with(settings.freeMailDomains())).of(lead.email(), lead.traits());
            TreeSet<String> touched = new TreeSet<>();
            joined.ifPresent(touched::add);
            if (membership != null) {
                touched.add(membership.accountKey());
            }
            // the accounts first, in key order, as every roll-up locks them: then the lead moves
            Uni<Void> moved = lock(touched).flatMap(locked -> joined.isPresent()
                    ? accountLeads.join(leadId, joined.get(), memberOf(lead, settings))
                    : membership == null ? Uni.createFrom().voidItem() : accountLeads.leave(leadId));
            return moved.flatMap(done -> rollUp(touched, settings, causeEventId));
        }));
    }

    /** The lead is being erased ({@code causeEventId}, the erasure's event): it leaves its account, which is rolled up again. */
    public Uni<Void> leadErased(UUID leadId, String causeEventId) {
        return accountLeads.findById(leadId).flatMap(membership -> membership == null ? Uni.createFrom().voidItem()
                : accountLeads.leave(leadId).flatMap(left -> rollUp(new TreeSet<>(List.of(membership.accountKey())),
                        model.scorer().accounts(), causeEventId)));
    }

    private static AccountMember memberOf(Lead lead, AccountModel settings) {
        Instant asOf = lead.scoredAsOf() == null ? lead.createdAt() : lead.scoredAsOf();
        return AccountMember.of(lead.id(), lead.score(), asOf, lead.fitScore(), lead.grade(), lead.traits(), settings);
    }

    private Uni<Void> lock(TreeSet<String> keys) {
        Instant now = clock.instant();
        return Multi.createFrom().iterable(keys).onItem().transformToUniAndConcatenate(key -> accounts.lockOrCreate(key, now))
                .collect().last().replaceWithVoid();
    }

    // in key order, so that two roll-ups touching the same two accounts lock them in the same order
    private Uni<Void> rollUp(TreeSet<String> keys, AccountModel settings, String causeEventId) {
        return Multi.createFrom().iterable(keys).onItem().transformToUniAndConcatenate(key -> rollUp(key, settings, causeEventId))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> rollUp(String key, AccountModel settings, String causeEventId) {
        Instant now = clock.instant();
        AccountScorer scorer = new AccountScorer(settings);
        return accounts.lockOrCreate(key, now).flatMap(account -> accountLeads.of(key).flatMap(rows -> {
            List<AccountMember> members = rows.stream().map(AccountLead::member).toList();
            AccountStanding before = account.standing();
            account.rolledUp(scorer.score(members, now), now);
            List<Outbox.Event> events = AccountEvents.rolledUp(account, before, members, scorer, causeEventId, now);
            // an account whose last lead left is gone; its last score (no leads) says so
            Uni<Void> kept = members.isEmpty() ? accounts.delete(account) : Uni.createFrom().voidItem();
            return kept.flatMap(done -> outbox.addAll(events));
        }));
    }
}
