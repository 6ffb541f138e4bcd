package io.leadflow.scoring.persistence;

import io.leadflow.scoring.domain.account.AccountMember;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Each lead's part in its account. */
@ApplicationScoped
@WithSession
public class AccountLeadRepository implements PanacheRepositoryBase<AccountLead, UUID> {

    /** Puts the lead in the account with this part, moving it out of any other. */
    public Uni<Void> join(UUID leadId, String key, AccountMember member) {
        return findById(leadId).flatMap(found -> {
            AccountLead membership = found == null ? new AccountLead(leadId) : found;
            membership.become(key, member);
            return found == null ? persist(membership).replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    /** Takes the lead out of its account. */
    public Uni<Void> leave(UUID leadId) {
        return deleteById(leadId).replaceWithVoid();
    }

    /** The leads of the account, in lead id order. */
    public Uni<List<AccountLead>> of(String key) {
        return list("accountKey = ?1 order by leadId", key);
    }
}
