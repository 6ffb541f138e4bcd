package io.leadflow.handoff.persistence;

import io.leadflow.events.LeadErased;
import io.leadflow.events.LeadKeys;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Anonymizes what this service holds of an erased lead, under its key and the anonymous ids merged
 * into it: the handoffs keep their routing, status and SLA figures (reports still add up) but lose
 * the email, and their lead key becomes a random one (a hash of an email could be reversed by
 * guessing); the published events kept for webhooks and streams, which carry email and traits, are
 * deleted with their pending deliveries, so nothing more about the lead leaves the service.
 */
@ApplicationScoped
public class HandoffErasure {

    private final HandoffRepository handoffs;

    public HandoffErasure(HandoffRepository handoffs) {
        this.handoffs = handoffs;
    }

    /** Must run inside a transaction. */
    public Uni<Void> erase(LeadErased erased) {
        List<String> keys = new ArrayList<>();
        keys.add(erased.leadKey());
        erased.anonymousIds().forEach(id -> keys.add(LeadKeys.of(null, id)));
        String anonymous = "erased:" + UUID.randomUUID();
        return handoffs.update("email = null, leadKey = ?1 where leadKey in ?2", anonymous, keys)
                .flatMap(changed -> HandoffEventRecord.delete("leadKey in ?1", keys))
                .replaceWithVoid();
    }
}
