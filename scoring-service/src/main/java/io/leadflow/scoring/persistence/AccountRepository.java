package io.leadflow.scoring.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;

/** Accounts by their key. */
@ApplicationScoped
@WithSession
public class AccountRepository implements PanacheRepositoryBase<Account, String> {

    // an account comes into being with its first lead; concurrent first leads of one account meet in this insert
    private static final String CREATE = "insert into account (account_key, score, fit_score, grade, coverage, leads, stage,"
            + " qualifications, updated_at) values (?1, 0, 0, 'D', '', 0, 'ENGAGED', 0, ?2) on conflict do nothing";

    /** The account with this key, created when there is none, locked until the transaction ends. */
    public Uni<Account> lockOrCreate(String key, Instant now) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeMutationQuery(CREATE).setParameter(1, key).setParameter(2, now).executeUpdate())
                .flatMap(created -> find("accountKey", key).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult());
    }
}
