package io.leadflow.scoring.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.txmessaging.NativeValues;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Native multi-row inserts in the caller's session and transaction, for the rows a batch of engagements adds by the
 * hundred (history, ledger): a round trip per {@value #ROWS_PER_INSERT} rows and no entity per row, where persisting
 * entities cost more of scoring's CPU than the scoring itself.
 */
final class NativeInserts {

    static final int ROWS_PER_INSERT = 1000;
    /** The template of a jsonb column filled from a JSON text parameter ({@link #json}). */
    static final String JSONB = "cast(cast(%s as text) as jsonb)";

    // plain values only (the maps come from parsed events), as Hibernate's own JSON mapper writes them
    private static final ObjectMapper JSON = new ObjectMapper();

    private NativeInserts() {
    }

    /**
     * Inserts the rows, each its columns' values in the order of {@code columns} (templates as
     * {@link NativeValues#placeholders(int, List)} takes them), after flushing the session: entities persisted earlier
     * in the transaction (a new lead) are written before the rows that refer to them.
     *
     * @param insertInto the statement up to and including {@code values}
     */
    static Uni<Void> insert(String insertInto, List<String> columns, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Panache.flush();
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<List<Object>> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            chain = chain.flatMap(done -> Panache.getSession().flatMap(session -> {
                Mutiny.MutationQuery insert = session.createNativeMutationQuery(insertInto + NativeValues.placeholders(chunk.size(), columns));
                int parameter = 1;
                for (List<Object> row : chunk) {
                    for (Object value : row) {
                        insert.setParameter(parameter++, value);
                    }
                }
                return insert.executeUpdate();
            }).replaceWithVoid());
        }
        return chain;
    }

    static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }
}
