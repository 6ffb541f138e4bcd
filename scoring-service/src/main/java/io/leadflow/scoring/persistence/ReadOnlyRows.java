package io.leadflow.scoring.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/**
 * Entities read only to be turned into domain values: loaded read-only (the session keeps no snapshot of them) and
 * detached at once, so the flush Hibernate runs before each later native statement of the transaction does not walk
 * them (counting a batch reads a few thousand ledger entries and history events, then runs several statements: while
 * they stayed in the session, those flushes took a fifth of scoring's CPU).
 */
final class ReadOnlyRows {

    private ReadOnlyRows() {
    }

    /** The {@code entity}s matching the HQL {@code where} with named {@code parameters}, in {@code orderBy} order. */
    static <T> Uni<List<T>> list(Class<T> entity, String where, String orderBy, Parameters parameters) {
        String query = "from " + entity.getSimpleName() + " where " + where + " order by " + orderBy;
        return Panache.getSession().flatMap(session -> {
            var selection = session.createSelectionQuery(query, entity);
            for (Map.Entry<String, Object> parameter : parameters.map().entrySet()) {
                selection.setParameter(parameter.getKey(), parameter.getValue());
            }
            return selection.setReadOnly(true).getResultList().invoke(rows -> rows.forEach(session::detach));
        });
    }
}
