package io.leadflow.scoring.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/**
 * Entities read only to be turned into domain values: loaded read-only, so the session keeps no snapshot of them and
 * each flush before a later statement of the transaction does not check them for changes (counting a batch reads a
 * few thousand ledger entries and history events, then runs several statements).
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
            return selection.setReadOnly(true).getResultList();
        });
    }
}
