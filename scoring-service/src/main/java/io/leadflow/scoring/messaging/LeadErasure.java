package io.leadflow.scoring.messaging;

import io.leadflow.events.DeterministicIds;
import io.leadflow.events.ErasedKeyHash;
import io.leadflow.events.LeadErased;
import io.leadflow.events.LeadKeys;
import io.leadflow.events.Topics;
import io.leadflow.scoring.persistence.ErasedKeyRepository;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadAliasRepository;
import io.leadflow.scoring.persistence.LeadHistoryRepository;
import io.leadflow.scoring.persistence.LeadRepository;
import io.leadflow.scoring.persistence.LedgerRepository;
import io.leadflow.scoring.persistence.StageChangeRepository;
import io.leadflow.txmessaging.Outbox;
import io.leadflow.txmessaging.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Erases a lead on request (right to erasure), in one transaction: its history, ledger, stage changes, aliases and
 * the lead itself are deleted, it leaves its account (which is scored again without it), its keys are remembered only as keyed hashes (so late events that happened
 * before cannot bring it back), and {@code lead.erased.v2} (the lead's id and those keyed hashes, never a key in the
 * clear) goes to the outbox for the services that hold the lead too, with a tombstone for each of its keys on the
 * compacted {@code leadflow.lead-scores.v1}
 * (the log cleaner then drops the scores published under them; deploy/k8s/base/kafka/topics.yaml says when).
 * The processed event ids stay: they are random ids, no personal data, and
 * they keep a redelivered old event from counting again.
 */
@ApplicationScoped
public class LeadErasure {

    private final LeadRepository leads;
    private final LeadHistoryRepository history;
    private final LedgerRepository ledger;
    private final StageChangeRepository stageChanges;
    private final LeadAliasRepository aliases;
    private final ErasedKeyRepository erasedKeys;
    private final ErasedKeyHash keyHash;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final AccountRollup accounts;
    private final Clock clock;

    public LeadErasure(LeadRepository leads, LeadHistoryRepository history, LedgerRepository ledger,
            StageChangeRepository stageChanges, LeadAliasRepository aliases, ErasedKeyRepository erasedKeys, ErasedKeyHash keyHash, Outbox outbox, OutboxRelay relay,
            AccountRollup accounts, Clock clock) {
        this.leads = leads;
        this.history = history;
        this.ledger = ledger;
        this.stageChanges = stageChanges;
        this.aliases = aliases;
        this.erasedKeys = erasedKeys;
        this.keyHash = keyHash;
        this.outbox = outbox;
        this.relay = relay;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** @return false when no lead has this id */
    public Uni<Boolean> erase(UUID leadId, String requestedBy, String reason) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> leads.lockById(leadId).flatMap(lead -> lead == null
                        ? Uni.createFrom().item(false)
                        : aliases.anonymousIdsOf(leadId).flatMap(anonymousIds -> erase(lead, anonymousIds, requestedBy, reason, now))))
                .invoke(erased -> {
                    if (erased) {
                        relay.kick();
                    }
                });
    }

    private Uni<Boolean> erase(Lead lead, List<String> anonymousIds, String requestedBy, String reason, Instant now) {
        UUID id = lead.id();
        List<String> keys = Stream.concat(Stream.of(lead.leadKey()), anonymousIds.stream().map(anonymousId -> LeadKeys.of(null, anonymousId)))
                .toList();
        return history.erase(id)
                .flatMap(erased -> ledger.erase(id))
                .flatMap(erased -> stageChanges.erase(id))
                .flatMap(erased -> aliases.erase(id))
                .flatMap(erased -> accounts.leadErased(id, erasedId(id)))
                .flatMap(erased -> leads.delete("id", id))
                .flatMap(erased -> erasedKeys.record(keys, now))
                .flatMap(recorded -> outbox.addAll(announcements(lead, keys, requestedBy, reason, now)))
                .replaceWith(true);
    }

    private static String erasedId(UUID leadId) {
        return DeterministicIds.of(leadId.toString(), "erased");
    }

    // lead.erased.v2 keyed by the lead's id, and a tombstone on the compacted score feed for every key the lead's scores
    // were published under (that feed is keyed by the lead key; the tombstone only ends what is there already)
    private List<Outbox.Event> announcements(Lead lead, List<String> keys, String requestedBy, String reason, Instant now) {
        String id = lead.id().toString();
        Stream<Outbox.Event> erased = Stream.of(new Outbox.Event(Topics.ERASURE, id, erasedId(lead.id()), LeadErased.TYPE,
                new LeadErased(id, keys.stream().map(keyHash::of).toList(), requestedBy, reason, now)));
        Stream<Outbox.Event> tombstones = keys.stream().map(key -> Outbox.Event.tombstone(Topics.LEAD_SCORES, key, DeterministicIds.of(id, key, "tombstone")));
        return Stream.concat(erased, tombstones).toList();
    }
}
