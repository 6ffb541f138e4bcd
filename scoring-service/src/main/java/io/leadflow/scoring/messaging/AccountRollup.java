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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
        return accounts.lockOrCreateAll(causeByAccount.keySet(), now, json).flatMap(locked -> {
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
            return accountLeads.store(added, removed)
                    .flatMap(stored -> accountLeads.best(locked.keySet(), json))
                    .flatMap(best -> rollUp(new RollUp(locked, tallies, before, causeByAccount, scorer, now), best));
        });
    }

    /** What a roll-up of a batch's accounts knows once its leads moved: each locked account's tally before and after. */
    private record RollUp(Map<String, Account> locked, Map<String, AccountTally> tallies, Map<String, AccountStanding> before,
            Map<String, String> causeByAccount, AccountScorer scorer, Instant now) {
    }

    /**
     * Each account takes its new standing; those whose stage changed read the members they announce; then the emptied
     * accounts go and every account's events go to the outbox in one write.
     */
    private Uni<Void> rollUp(RollUp rollUp, Map<String, AccountLeadRepository.Best> best) {
        List<String> stageChanged = new ArrayList<>();
        rollUp.locked().forEach((key, account) -> {
            AccountLeadRepository.Best top = best.get(key);
            AccountStanding standing = rollUp.scorer().standing(rollUp.tallies().get(key), top == null ? 0 : top.fitScore(),
                    top == null ? Grade.D : top.grade(), rollUp.now());
            account.rolledUp(rollUp.tallies().get(key), standing, rollUp.now());
            if (standing.stage() != rollUp.before().get(key).stage()) {
                stageChanged.add(key);
            }
        });
        Map<String, List<AccountMember>> announced = new HashMap<>();
        // rare (an account changing stage), and each from the index of its members' points
        return Multi.createFrom().iterable(stageChanged)
                .onItem().transformToUniAndConcatenate(key -> accountLeads.top(key, MEMBERS_ANNOUNCED)
                        .invoke(top -> announced.put(key, top.stream().map(AccountLead::member).toList())))
                .collect().asList()
                .flatMap(read -> {
                    List<Outbox.Event> events = new ArrayList<>();
                    List<Account> emptied = new ArrayList<>();
                    rollUp.causeByAccount().forEach((key, cause) -> {
                        Account account = rollUp.locked().get(key);
                        events.addAll(AccountEvents.rolledUp(account, rollUp.before().get(key), announced.getOrDefault(key, List.of()),
                                rollUp.scorer(), cause, rollUp.now()));
                        if (rollUp.tallies().get(key).leads() == 0) {
                            emptied.add(account);
                        }
                    });
                    // an account whose last lead left is gone; its last score (no leads) says so
                    return accounts.removeAll(emptied).flatMap(removed -> outbox.addAll(events));
                });
    }

    private static AccountMember memberOf(Lead lead, AccountModel settings) {
        Instant asOf = lead.scoredAsOf() == null ? lead.createdAt() : lead.scoredAsOf();
        return AccountMember.of(lead.id(), lead.score(), asOf, lead.fitScore(), lead.grade(), lead.traits(), settings);
    }
}
