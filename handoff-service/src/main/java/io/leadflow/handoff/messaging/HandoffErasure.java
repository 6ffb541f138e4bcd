package io.leadflow.handoff.messaging;

import io.leadflow.events.DeterministicIds;
import io.leadflow.events.LeadErased;
import io.leadflow.handoff.domain.HandoffAudience;
import io.leadflow.handoff.domain.LeadErasureNotice;
import io.leadflow.handoff.persistence.ErasedKeyRepository;
import io.leadflow.handoff.persistence.Handoff;
import io.leadflow.handoff.persistence.HandoffEventRecord;
import io.leadflow.handoff.persistence.HandoffRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Anonymizes what this service holds of an erased lead (its handoffs, found by the lead's id): the handoffs keep their
 * routing, status and SLA figures (reports still add up) but lose the email, and their lead key becomes a random one
 * (a hash of an email could be reversed by guessing); the published events kept for webhooks and streams, which carry
 * email and traits, are deleted with their pending deliveries, so nothing more about the lead leaves the service. The
 * lead's keyed hashes are remembered, so that no later record of the lead hands it off again; and the webhook
 * subscribers that may have received it are sent {@code lead.erased}.
 */
@ApplicationScoped
public class HandoffErasure {

    private final HandoffRepository handoffs;
    private final ErasedKeyRepository erasedKeys;
    private final HandoffEvents events;

    public HandoffErasure(HandoffRepository handoffs, ErasedKeyRepository erasedKeys, HandoffEvents events) {
        this.handoffs = handoffs;
        this.erasedKeys = erasedKeys;
        this.events = events;
    }

    /** Erases the lead of the erasure event {@code erasureId}; must run inside a transaction. */
    public Uni<Void> erase(String erasureId, LeadErased erased) {
        UUID leadId = UUID.fromString(erased.leadId());
        String anonymous = "erased:" + UUID.randomUUID();
        return erasedKeys.record(erased.keyHashes(), erased.erasedAt())
                .flatMap(recorded -> handoffs.list("leadId = ?1 order by createdAt, id", leadId))
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<String> keys = found.stream().map(Handoff::leadKey).distinct().toList();
                    return HandoffEventRecord.delete("leadKey in ?1", keys)
                            .flatMap(deleted -> handoffs.update("email = null, leadKey = ?1 where leadId = ?2", anonymous, leadId))
                            .flatMap(changed -> events.notifyErasure(anonymous, DeterministicIds.of(erasureId, LeadErasureNotice.TYPE),
                                    new LeadErasureNotice(erased.leadId(), found.stream().map(handoff -> handoff.id().toString()).toList(),
                                            erased.erasedAt()),
                                    found.stream().map(handoff -> HandoffAudience.of(LeadErasureNotice.TYPE, handoff.queue(), handoff.assignee()))
                                            .toList()));
                })
                .replaceWithVoid();
    }
}
