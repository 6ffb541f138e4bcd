package io.leadflow.scoring.domain;

import io.leadflow.scoring.domain.model.PropertyCondition;
import io.leadflow.scoring.domain.model.PropertyCondition.Op;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * One {@link PropertyCondition}, ready to judge an engagement's properties. Numbers compare as numbers (a property
 * sent as the text {@code "25"} too, as forms send everything), text ignoring case, true/false as such; a missing
 * property meets no condition but {@code !=}.
 */
final class PropertyMatch {

    private static final String PROPERTIES_PREFIX = "properties.";

    private final String property;
    private final Op op;
    private final Object value;

    /** @throws IllegalArgumentException for a condition the model validator refuses */
    PropertyMatch(PropertyCondition condition) {
        String name = condition.property().trim();
        this.property = name.startsWith(PROPERTIES_PREFIX) ? name.substring(PROPERTIES_PREFIX.length()) : name;
        this.op = Op.of(condition.op()).orElseThrow(() -> new IllegalArgumentException("unknown op " + condition.op()));
        this.value = condition.value();
    }

    boolean matches(Map<String, Object> properties) {
        Optional<Object> actual = lookup(properties, property);
        return switch (op) {
            case EXISTS -> actual.isPresent();
            case EQUALS -> actual.filter(this::equalsValue).isPresent();
            case NOT_EQUALS -> actual.filter(this::equalsValue).isEmpty();
            default -> actual.flatMap(PropertyMatch::number).map(number -> ordered(number.compareTo(number(value).orElseThrow())))
                    .orElse(false);
        };
    }

    /** How it reads in a rule's explanation: {@code seats >= 20}. */
    String describe() {
        return op == Op.EXISTS ? property + " exists" : property + " " + op.symbol() + " " + value;
    }

    private boolean ordered(int comparison) {
        return switch (op) {
            case GREATER -> comparison > 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
            case LESS -> comparison < 0;
            default -> comparison <= 0;
        };
    }

    private boolean equalsValue(Object actual) {
        if (value instanceof Number) {
            return number(actual).map(number -> number.compareTo(number(value).orElseThrow()) == 0).orElse(false);
        }
        return String.valueOf(actual).trim().equalsIgnoreCase(String.valueOf(value).trim());
    }

    /** The property, {@code plan.seats} read inside {@code plan} when no property is named so; blank text is none. */
    private static Optional<Object> lookup(Map<?, ?> properties, String name) {
        Object direct = properties.get(name);
        if (direct != null) {
            return Optional.of(direct).filter(found -> !(found instanceof String text && text.isBlank()));
        }
        int dot = name.indexOf('.');
        if (dot > 0 && properties.get(name.substring(0, dot)) instanceof Map<?, ?> nested) {
            return lookup(nested, name.substring(dot + 1));
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> number(Object value) {
        if (value instanceof Number number) {
            return parse(number.toString());
        }
        return value instanceof String text ? parse(text.trim()) : Optional.empty();
    }

    private static Optional<BigDecimal> parse(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
