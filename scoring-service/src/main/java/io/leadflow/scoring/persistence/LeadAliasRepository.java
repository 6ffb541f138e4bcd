package io.leadflow.scoring.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Which known lead each identified anonymous id belongs to. */
@ApplicationScoped
@WithSession
public class LeadAliasRepository implements PanacheRepositoryBase<LeadAlias, String> {

    /** Links the anonymous id to the lead (re-linking it when another lead had it); in the caller's transaction. */
    public Uni<Void> link(String anonymousId, UUID leadId, Instant now) {
        return findById(anonymousId).flatMap(found -> {
            if (found == null) {
                return persist(new LeadAlias(anonymousId, leadId, now)).replaceWithVoid();
            }
            found.pointTo(leadId);
            return Uni.createFrom().voidItem();
        });
    }

    /** The lead each of these anonymous ids was identified as, for those that were. */
    public Uni<Map<String, UUID>> leadsOf(Collection<String> anonymousIds) {
        if (anonymousIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("anonymousId in ?1", anonymousIds)
                .map(aliases -> aliases.stream().collect(Collectors.toMap(LeadAlias::anonymousId, LeadAlias::leadId)));
    }

    /** The anonymous ids merged into a lead. */
    public Uni<List<String>> anonymousIdsOf(UUID leadId) {
        return find("leadId", leadId).list().map(aliases -> aliases.stream().map(LeadAlias::anonymousId).sorted().toList());
    }

    /** Erases a lead's aliases. */
    public Uni<Long> erase(UUID leadId) {
        return delete("leadId", leadId);
    }
}
