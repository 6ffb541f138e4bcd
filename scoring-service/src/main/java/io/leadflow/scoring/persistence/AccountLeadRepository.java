package io.leadflow.scoring.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.scoring.domain.account.AccountMember;
import io.leadflow.scoring.domain.model.Grade;
import io.leadflow.txmessaging.JsonRecordSet;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Each lead's part in its account. */
@ApplicationScoped
@WithSession
public class AccountLeadRepository implements PanacheRepositoryBase<AccountLead, UUID> {

    /**
     * The lead's part in the account {@code key} as {@code member}: {@code part} (its current one, read in this session)
     * changed in place, or a new part, to {@linkplain #store store}.
     */
    public static AccountLead joined(UUID leadId, AccountLead part, String key, AccountMember member) {
        AccountLead membership = part == null ? new AccountLead(leadId) : part;
        membership.become(key, member);
        return membership;
    }

    /**
     * Persists the new parts and removes those of leads who left their account (read in this session): one step for a
     * batch's leads, however many (a chain of a step per lead overflowed the event loop's stack at a few hundred).
     */
    public Uni<Void> store(List<AccountLead> added, List<AccountLead> removed) {
        return getSession().flatMap(session -> (added.isEmpty() ? Uni.createFrom().voidItem() : session.persistAll(added.toArray()))
                .flatMap(persisted -> removed.isEmpty() ? Uni.createFrom().voidItem() : session.removeAll(removed.toArray())));
    }

    /** The members of the account with the most points, at most {@code limit}: read from an index, however many it has. */
    public Uni<List<AccountLead>> top(String key, int limit) {
        return find("accountKey = ?1 order by points desc, leadId", key).page(0, limit).list();
    }

    /** The parts of these leads in their accounts: one query. */
    public Uni<List<AccountLead>> ofLeads(Collection<UUID> leadIds) {
        return leadIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("leadId in ?1", leadIds);
    }

    // each from its own index: the first or last entry of the account's range
    private static final String BEST = "select k, (select max(fit_score) from account_lead where account_key = k),"
            + " (select min(grade) from account_lead where account_key = k)"
            + " from jsonb_array_elements_text(cast(cast(?1 as text) as jsonb)) as k";

    /**
     * These accounts' best fit score and grade among their members (grades sort A first), after the parts this session
     * changed: one query however many. An account without members has none.
     */
    public Uni<Map<String, Best>> best(Collection<String> keys, ObjectMapper json) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().flatMap(session -> session.flush().replaceWith(session)).flatMap(session -> session
                        .createNativeQuery(BEST, Object[].class).setParameter(1, JsonRecordSet.ofValues(json, List.copyOf(keys)))
                        .getResultList())
                .map(rows -> {
                    Map<String, Best> byKey = new HashMap<>();
                    rows.stream().filter(row -> row[1] != null).forEach(row -> byKey.put((String) row[0],
                            new Best(((Number) row[1]).intValue(), Grade.valueOf((String) row[2]))));
                    return byKey;
                });
    }

    /** An account's best fit score and grade. */
    public record Best(int fitScore, Grade grade) {
    }
}
