package io.leadflow.scoring.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.txmessaging.JsonRecordSet;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accounts by their key. */
@ApplicationScoped
@WithSession
public class AccountRepository implements PanacheRepositoryBase<Account, String> {

    // an account comes into being with its first lead; concurrent first leads of one account meet in this insert
    private static final String CREATE = "insert into account (account_key, score, fit_score, grade, coverage, leads, stage,"
            + " qualifications, updated_at) select k, 0, 0, 'D', '', 0, 'ENGAGED', 0, ?2"
            + " from jsonb_array_elements_text(cast(cast(?1 as text) as jsonb)) as k order by k on conflict do nothing";

    /**
     * The accounts with these keys, those missing created, each locked until the transaction ends, in key order: two
     * statements however many, and concurrent roll-ups lock their common accounts in the same order.
     */
    public Uni<Map<String, Account>> lockOrCreateAll(Collection<String> keys, Instant now, ObjectMapper json) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .flatMap(session -> session.createNativeMutationQuery(CREATE).setParameter(1, JsonRecordSet.ofValues(json, List.copyOf(keys)))
                        .setParameter(2, now).executeUpdate())
                .flatMap(created -> find("accountKey in ?1", Sort.by("accountKey"), keys).withLock(LockModeType.PESSIMISTIC_WRITE).list())
                .map(locked -> {
                    Map<String, Account> byKey = new LinkedHashMap<>();
                    locked.forEach(account -> byKey.put(account.key(), account));
                    return byKey;
                });
    }

    /** Removes these accounts (read in this session) in one step, however many. */
    public Uni<Void> removeAll(List<Account> gone) {
        return gone.isEmpty() ? Uni.createFrom().voidItem() : getSession().flatMap(session -> session.removeAll(gone.toArray()));
    }
}
