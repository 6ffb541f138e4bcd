package io.leadflow.txmessaging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * The rows of a set-based statement as one JSON parameter, which PostgreSQL turns back into rows with
 * {@link #FROM}: a fixed statement whatever the number of rows, executed once (no per-row round trip, no per-row
 * execution of a batched statement, no statement text that grows with the rows and fills a query-plan cache).
 * The text is cast to jsonb in SQL, not bound as jsonb: a bound String would become one JSON string.
 */
public final class JsonRecordSet {

    /**
     * The {@code from} items reading parameter ?1, each row's position in {@code source_rows.n}: append the alias with each
     * key's column and type, e.g. {@code FROM + " as r (event_id text, occurred_at timestamptz)"}, and
     * {@code order by source_rows.n} where the order matters.
     */
    public static final String FROM = "jsonb_array_elements(cast(cast(?1 as text) as jsonb)) with ordinality as source_rows (value, n)"
            + " cross join lateral jsonb_to_record(source_rows.value)";

    private JsonRecordSet() {
    }

    /**
     * The rows, each a map of column name to value (strings, numbers, booleans, nulls, maps and lists for jsonb), as
     * {@code json} writes them. Streamed: databind's map serializer looks up a serializer for every value, a twentieth of
     * scoring's CPU in a catch-up; the plain values are written directly and only the others go through {@code json}.
     */
    public static String of(ObjectMapper json, List<? extends Map<String, ?>> rows) {
        StringWriter text = new StringWriter(64 + rows.size() * 256);
        try (JsonGenerator out = json.createGenerator(text)) {
            out.writeStartArray();
            for (Map<String, ?> row : rows) {
                out.writeStartObject();
                for (Map.Entry<String, ?> column : row.entrySet()) {
                    out.writeFieldName(column.getKey());
                    switch (column.getValue()) {
                        case null -> out.writeNull();
                        case String value -> out.writeString(value);
                        case Integer value -> out.writeNumber(value);
                        case Long value -> out.writeNumber(value);
                        case Double value -> out.writeNumber(value);
                        case Boolean value -> out.writeBoolean(value);
                        default -> json.writeValue(out, column.getValue());
                    }
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the rows of a set-based statement", e);
        }
        return text.toString();
    }

    /** As a JSON object of names to strings: read with {@code jsonb_each_text(cast(cast(?1 as text) as jsonb))}. */
    public static String ofPairs(ObjectMapper json, Map<String, String> pairs) {
        return write(json, pairs, "pairs");
    }

    /** As a JSON array of strings: read with {@code jsonb_array_elements_text(cast(cast(?1 as text) as jsonb))}. */
    public static String ofValues(ObjectMapper json, List<String> values) {
        return write(json, values, "values");
    }

    private static String write(ObjectMapper json, Object value, String what) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the " + what + " of a set-based statement", e);
        }
    }
}
