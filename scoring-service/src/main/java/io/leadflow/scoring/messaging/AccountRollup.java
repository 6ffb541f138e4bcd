package io.leadflow.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.scoring.config.ActiveScoringModel;
import io.leadflow.scoring.domain.account.AccountKeys;
import io.leadflow.scoring.domain.account.AccountMember;
import io.leadflow.scoring.domain.account.AccountScorer;
import io.leadflow.scoring.domain.account.AccountStanding;
import io.leadflow.scoring.domain.account.AccountTally;
import io.leadflow.scoring.domain.account.FreeMailDomains;
import io.leadflow.scoring.domain.model.AccountModel;
import io.leadflow.scoring.domain.model.Grade;
import io.leadflow.scoring.persistence.Account;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rolls leads' changes up to their accounts, in the caller's transaction: each lead's part in its account (capped score,
 * fit, role) is stored, the accounts they left and joined take the change into their running tally
 * ({@link AccountTally}: a roll-up never reads all of an account's members, whatever their number), and what changed goes
 * to the outbox for {@code leadflow.accounts.v1}. A batch of leads touches each of their accounts once. Off the
 * engagement path: it runs on scoring's own score feed ({@link LeadScoresConsumer}) and on erasure, never while
 * engagements are counted.
 */
@ApplicationScoped
public class AccountRollup {

    /** The members an account.stage-changed names: those with the most points. */
    static final int MEMBERS_ANNOUNCED = 50;

    private final LeadRepository leads;
    private final AccountRepository accounts;
    private final AccountLeadRepository accountLeads;
    private final ActiveScoringModel model;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;

    public AccountRollup(LeadRepository leads, AccountRepository accounts, AccountLeadRepository accountLeads, ActiveScoringModel model,
            Outbox outbox, Clock clock, ObjectMapper json) {
        this.leads = leads;
        this.accounts = accounts;
        this.accountLeads = accountLeads;
        this.model = model;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
    }

    /** The lead's score changed ({@code causeEventId}): its account, or the one it left, is rolled up again. */
    public Uni<Void> leadChanged(UUID leadId, String causeEventId) {
        return leadsChanged(Map.of(leadId, causeEventId));
    }

    /**
     * These leads' scores changed, each by its event: their accounts, and those they left, are rolled up again, each
     * once, the last of its leads' events its cause. Idempotent: a lead's part is moved to what its current row makes
     * it, so the same change delivered again finds nothing to move.
     */
    public Uni<Void> leadsChanged(Map<UUID, String> causeByLead) {
        AccountModel settings = model.scorer().accounts();
        AccountKeys keys = new AccountKeys(FreeMailDomains.with(settings.freeMailDomains()));
        // the leads kept from an erasure (which locks them first) until this ends; one gone meanwhile leaves its account
        return leads.keepAll(causeByLead.keySet(), json).flatMap(found -> accountLeads.ofLeads(causeByLead.keySet()).flatMap(parts -> {
            Map<UUID, Lead> byId = found.stream().collect(Collectors.toMap(Lead::id, Function.identity()));
            Map<UUID, AccountLead> partOf = parts.stream().collect(Collectors.toMap(AccountLead::leadId, Function.identity()));
            List<Move> moves = new ArrayList<>();
            causeByLead.forEach((leadId, cause) -> {
                Lead lead = byId.get(leadId);
                Optional<Joined> joined = lead == null ? Optional.empty()
                        : keys.of(lead.email(), lead.traits()).map(key -> new Joined(key, memberOf(lead, settings)));
                AccountLead part = partOf.get(leadId);
                // a part already as the lead makes it (a score change delivered again) moves nothing
                boolean unchanged = part != null && joined.isPresent() && joined.get().key().equals(part.accountKey())
                        && joined.get().member().equals(part.member());
                if (!unchanged && (joined.isPresent() || part != null)) {
                    moves.add(new Move(leadId, part, joined, cause));
                }
            });
            return apply(moves, settings);
        }));
    }

    /** The lead is being erased ({@code causeEventId}, the erasure's event): it leaves its account, which is rolled up again. */
    public Uni<Void> leadErased(UUID leadId, String causeEventId) {
        return accountLeads.findById(leadId).flatMap(part -> part == null ? Uni.createFrom().voidItem()
                : apply(List.of(new Move(leadId, part, Optional.empty(), causeEventId)), model.scorer().accounts()));
    }

    private record Joined(String key, AccountMember member) {
    }

    /** A lead leaving {@code part}'s account (if any) and joining another (or the same) one (if any). */
    private record Move(UUID leadId, AccountLead part, Optional<Joined> joined, String cause) {
    }

    private Uni<Void> apply(List<Move> moves, AccountModel settings) {
        if (moves.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        AccountScorer scorer = new AccountScorer(settings);
        TreeMap<String, String> causeByAccount = new TreeMap<>();
        for (Move move : moves) {
            if (move.part() != null) {
                causeByAccount.put(move.part().accountKey(), move.cause());
            }
            move.joined().ifPresent(joined -> causeByAccount.put(joined.key(), move.cause()));
        }
        // the accounts first, in key order, as every roll-up locks them: then the leads move
        return lock(new TreeSet<>(causeByAccount.keySet()), now).flatMap(locked -> {
            Map<String, AccountTally> tallies = new HashMap<>();
            Map<String, AccountStanding> before = new HashMap<>();
            locked.forEach((key, account) -> {
                tallies.put(key, account.tally());
                before.put(key, account.standing());
            });
            List<AccountLead> added = new ArrayList<>();
            List<AccountLead> removed = new ArrayList<>();
            for (Move move : moves) {
                if (move.part() != null) {
                    tallies.computeIfPresent(move.part().accountKey(), (key, tally) -> tally.without(move.part().member(), now, scorer::faded));
                }
                move.joined().ifPresent(joined -> tallies.computeIfPresent(joined.key(), (key, tally) -> tally.with(joined.member(), now, scorer::faded)));
                if (move.joined().isPresent()) {
                    AccountLead part = AccountLeadRepository.joined(move.leadId(), move.part(), move.joined().get().key(), move.joined().get().member());
                    if (move.part() == null) {
                        added.add(part);
                    }
                } else {
                    removed.add(move.part());
                }
            }
            return accountLeads.store(added, removed).flatMap(done -> Multi.createFrom().iterable(causeByAccount.entrySet())
                    .onItem().transformToUniAndConcatenate(entry -> rollUp(locked.get(entry.getKey()), tallies.get(entry.getKey()),
                            before.get(entry.getKey()), scorer, entry.getValue(), now))
                    .collect().last().replaceWithVoid());
        });
    }

    private Uni<Map<String, Account>> lock(TreeSet<String> keys, Instant now) {
        Map<String, Account> locked = new LinkedHashMap<>();
        return Multi.createFrom().iterable(keys).onItem().transformToUniAndConcatenate(key -> accounts.lockOrCreate(key, now)
                        .invoke(account -> locked.put(key, account)))
                .collect().last().replaceWith(locked);
    }

    private Uni<Void> rollUp(Account account, AccountTally tally, AccountStanding before, AccountScorer scorer, String causeEventId,
            Instant now) {
        return accountLeads.best(account.key()).flatMap(best -> {
            AccountStanding standing = scorer.standing(tally, best.map(AccountLeadRepository.Best::fitScore).orElse(0),
                    best.map(AccountLeadRepository.Best::grade).orElse(Grade.D), now);
            account.rolledUp(tally, standing, now);
            Uni<List<AccountMember>> announced = standing.stage() == before.stage() ? Uni.createFrom().item(List.of())
                    : accountLeads.top(account.key(), MEMBERS_ANNOUNCED).map(top -> top.stream().map(AccountLead::member).toList());
            return announced.flatMap(members -> {
                List<Outbox.Event> events = AccountEvents.rolledUp(account, before, members, scorer, causeEventId, now);
                // an account whose last lead left is gone; its last score (no leads) says so
                Uni<Void> kept = tally.leads() == 0 ? accounts.delete(account) : Uni.createFrom().voidItem();
                return kept.flatMap(done -> outbox.addAll(events));
            });
        });
    }

    private static AccountMember memberOf(Lead lead, AccountModel settings) {
        Instant asOf = lead.scoredAsOf() == null ? lead.createdAt() : lead.scoredAsOf();
        return AccountMember.of(lead.id(), lead.score(), asOf, lead.fitScore(), lead.grade(), lead.traits(), settings);
    }
}
