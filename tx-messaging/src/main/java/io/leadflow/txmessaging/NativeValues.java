package io.leadflow.txmessaging;

import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

/** The {@code VALUES} list of a native multi-row statement: one round trip for many rows. */
public final class NativeValues {

    private NativeValues() {
    }

    /** {@code (?1, ?2), (?3, ?4)} for 2 rows of 2 columns: positional parameters, row by row. */
    public static String placeholders(int rows, int columns) {
        return placeholders(rows, Collections.nCopies(columns, "%s"));
    }

    /**
     * The same with each column's parameter inside its template, {@code %s} standing for it: a template
     * {@code cast(cast(%s as text) as jsonb)} lets a JSON text parameter fill a jsonb column.
     */
    public static String placeholders(int rows, List<String> columnTemplates) {
        StringJoiner values = new StringJoiner(", ");
        int parameter = 1;
        for (int row = 0; row < rows; row++) {
            StringJoiner placeholders = new StringJoiner(", ", "(", ")");
            for (String template : columnTemplates) {
                placeholders.add(template.formatted("?" + parameter++));
            }
            values.add(placeholders.toString());
        }
        return values.toString();
    }
}
