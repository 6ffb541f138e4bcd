package io.leadflow.scoring.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.StringJoiner;

/**
 * Rows a batch adds, written with multi-row INSERT statements in the caller's transaction instead of persisted
 * entities: a round trip per {@value #ROWS_PER_STATEMENT} rows, and nothing left in the session for every later
 * query's auto-flush to check again (the profile of a backlog's drain had Hibernate's persist and flush listeners
 * in about half its samples).
 *
 * @param table the table
 * @param columns its columns, in the order of each row's values; a name ending in {@code ::jsonb} takes JSON text
 */
record MultiRowInsert(String table, List<String> columns) {

    // PostgreSQL takes at most 65,535 parameters a statement
    private static final int ROWS_PER_STATEMENT = 1000;
    private static final String JSON = "::jsonb";

    /** Inserts the rows; entities persisted before are flushed first, so that the rows may refer to them. */
    Uni<Void> insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // a native statement does not flush the session itself
        Uni<Void> inserted = Panache.getSession().flatMap(session -> session.flush());
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            inserted = inserted.flatMap(done -> Panache.getSession().flatMap(session -> {
                var statement = session.createNativeMutationQuery(sql(chunk.size()));
                int parameter = 1;
                for (Object[] row : chunk) {
                    for (Object value : row) {
                        statement.setParameter(parameter++, value);
                    }
                }
                return statement.executeUpdate();
            })).replaceWithVoid();
        }
        return inserted;
    }

    private String sql(int rows) {
        StringJoiner names = new StringJoiner(", ", "(", ")");
        columns.forEach(column -> names.add(column.replace(JSON, "")));
        StringJoiner values = new StringJoiner(", ");
        int parameter = 1;
        for (int row = 0; row < rows; row++) {
            StringJoiner placeholders = new StringJoiner(", ", "(", ")");
            for (String column : columns) {
                // JSON goes as text: the PostgreSQL client would send a String bound to jsonb as a JSON string
                placeholders.add(column.endsWith(JSON) ? "cast(cast(?" + parameter++ + " as text) as jsonb)" : "?" + parameter++);
            }
            values.add(placeholders.toString());
        }
        return "insert into " + table + " " + names + " values " + values;
    }
}
