package io.leadflow.scoring.domain.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A condition on one property of an engagement: {@code {"property": "seats", "op": ">=", "value": 20}}.
 *
 * @param property the property's name ({@code seats}; {@code plan.seats} for one nested in an object; a leading
 *     {@code properties.} is read as the properties themselves)
 * @param op how the property compares with {@code value}: {@code =}, {@code !=}, {@code >}, {@code >=}, {@code <},
 *     {@code <=}, or {@code exists} (no value)
 * @param value what it is compared with: a number, a text or true/false
 */
public record PropertyCondition(String property, String op, Object value) {

    /** The comparisons a condition may make. */
    public enum Op {
        EQUALS("="), NOT_EQUALS("!="), GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<="), EXISTS("exists");

        /** Every op as written, for error messages. */
        public static final String WRITTEN = Arrays.stream(values()).map(op -> op.symbol).collect(Collectors.joining(", "));

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether it orders numbers, and so needs a number to compare with. */
        public boolean isOrdering() {
            return this == GREATER || this == GREATER_OR_EQUAL || this == LESS || this == LESS_OR_EQUAL;
        }

        public static Optional<Op> of(String symbol) {
            return Arrays.stream(values()).filter(op -> op.symbol.equalsIgnoreCase(symbol == null ? "" : symbol.trim())).findFirst();
        }
    }
}
