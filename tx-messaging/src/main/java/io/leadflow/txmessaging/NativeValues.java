package io.leadflow.txmessaging;

import java.util.StringJoiner;

/** The {@code VALUES} list of a native multi-row statement: one round trip for many rows. */
public final class NativeValues {

    private NativeValues() {
    }

    /** {@code (?1, ?2), (?3, ?4)} for 2 rows of 2 columns: positional parameters, row by row. */
    public static String placeholders(int rows, int columns) {
        StringJoiner values = new StringJoiner(", ");
        for (int row = 0; row < rows; row++) {
            StringJoiner placeholders = new StringJoiner(", ", "(", ")");
            for (int column = row * columns + 1; column <= (row + 1) * columns; column++) {
                placeholders.add("?" + column);
            }
            values.add(placeholders.toString());
        }
        return values.toString();
    }
}
