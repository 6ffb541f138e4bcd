package io.leadflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Text that PostgreSQL keeps as it was sent. Its {@code jsonb} refuses {@code \u0000} and an unpaired UTF-16
 * surrogate, and its {@code text} refuses the NUL character; both are valid in a Java string and in JSON, and a
 * body that is not valid UTF-8 can be read into either. An event holding one would fail every transaction that
 * stores it, so capture refuses it and scoring dead-letters it; the services' APIs refuse it in what they store.
 */
public final class StorableText {

    /** Where a value holds such text, and what it holds. */
    public record Flaw(String field, String problem) {
    }

    private StorableText() {
    }

    /**
     * The first flaw in {@code value} (a string, or a JSON tree of maps, lists and scalars or of Jackson's nodes, keys
     * included), named from {@code field}: {@code properties.items[2].name} (from {@code ""}: {@code items[2].name}).
     */
    public static Optional<Flaw> flaw(String field, Object value) {
        // nearly every value is clean: look first without naming anything, name the place only when there is a flaw
        return isClean(value) ? Optional.empty() : named(field, value);
    }

    private static boolean isClean(Object value) {
        if (value instanceof JsonNode node && node.isTextual()) {
            return problem(node.textValue()).isEmpty();
        }
        if (value instanceof JsonNode node && node.isObject()) {
            return cleanMembers(node.properties());
        }
        if (value instanceof CharSequence text) {
            return problem(text).isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return cleanMembers(map.entrySet());
        }
        if (value instanceof Iterable<?> elements) {
            for (Object element : elements) {
                if (!isClean(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean cleanMembers(Iterable<? extends Map.Entry<?, ?>> members) {
        for (Map.Entry<?, ?> member : members) {
            if (problem(String.valueOf(member.getKey())).isPresent() || !isClean(member.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Flaw> named(String field, Object value) {
        if (value instanceof JsonNode node && node.isTextual()) {
            return flaw(field, node.textValue());
        }
        if (value instanceof JsonNode node && node.isObject()) {
            return members(field, node.properties());
        }
        if (value instanceof CharSequence text) {
            return problem(text).map(problem -> new Flaw(field, problem));
        }
        if (value instanceof Map<?, ?> map) {
            return members(field, map.entrySet());
        }
        // lists and JSON arrays; Jackson's other scalar nodes iterate nothing
        return value instanceof Iterable<?> elements ? elements(field, elements) : Optional.empty();
    }

    // an object's members: each key (a flaw named by the object), then its value
    private static Optional<Flaw> members(String field, Iterable<? extends Map.Entry<?, ?>> members) {
        for (Map.Entry<?, ?> member : members) {
            String key = String.valueOf(member.getKey());
            Optional<Flaw> flaw = problem(key).map(problem -> new Flaw(field.isEmpty() ? "body" : field, "has a key that " + problem))
                    .or(() -> flaw(field.isEmpty() ? key : field + "." + key, member.getValue()));
            if (flaw.isPresent()) {
                return flaw;
            }
        }
        return Optional.empty();
    }

    private static Optional<Flaw> elements(String field, Iterable<?> elements) {
        int index = 0;
        for (Object element : elements) {
            Optional<Flaw> flaw = flaw(field + "[" + index++ + "]", element);
            if (flaw.isPresent()) {
                return flaw;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("holds a NUL character (\\u0000), which cannot be stored");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("holds an unpaired surrogate (\\u" + Integer.toHexString(c)
                        + "): it is not Unicode text, was it valid UTF-8?");
            }
        }
        return Optional.empty();
    }
}
