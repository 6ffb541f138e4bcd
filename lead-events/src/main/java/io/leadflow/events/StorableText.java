package io.leadflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
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
        // one walk that names nothing on the way down (nearly every value is clean): a flaw's place is written only
        // once one is found, a step at a time on the way back up
        Found found = find(value);
        return found == null ? Optional.empty() : Optional.of(found.from(field));
    }

    private static Found find(Object value) {
        if (value instanceof JsonNode node && node.isTextual()) {
            return found(node.textValue());
        }
        if (value instanceof JsonNode node && node.isObject()) {
            return inMembers(node.properties());
        }
        if (value instanceof CharSequence text) {
            return found(text);
        }
        if (value instanceof Map<?, ?> map) {
            return inMembers(map.entrySet());
        }
        // lists and JSON arrays; Jackson's other scalar nodes iterate nothing
        if (value instanceof Iterable<?> elements) {
            int index = 0;
            for (Object element : elements) {
                Found found = find(element);
                if (found != null) {
                    return found.under(index);
                }
                index++;
            }
        }
        return null;
    }

    // an object's members: each key (a flaw named by the object), then its value
    private static Found inMembers(Iterable<? extends Map.Entry<?, ?>> members) {
        for (Map.Entry<?, ?> member : members) {
            String key = String.valueOf(member.getKey());
            Optional<String> keyProblem = problem(key);
            if (keyProblem.isPresent()) {
                return new Found("has a key that " + keyProblem.get(), true);
            }
            Found found = find(member.getValue());
            if (found != null) {
                return found.under(key);
            }
        }
        return null;
    }

    private static Found found(CharSequence text) {
        return problem(text).map(problem -> new Found(problem, false)).orElse(null);
    }

    /** A flaw found in a value: its problem and the steps down to it (member keys and element indexes), outermost first. */
    private static final class Found {

        private final String problem;
        private final boolean inKey;
        private final Deque<Object> steps = new ArrayDeque<>();

        Found(String problem, boolean inKey) {
            this.problem = problem;
            this.inKey = inKey;
        }

        Found under(Object step) {
            steps.addFirst(step);
            return this;
        }

        Flaw from(String field) {
            StringBuilder place = new StringBuilder(field);
            for (Object step : steps) {
                if (step instanceof Integer index) {
                    place.append('[').append(index).append(']');
                } else {
                    place.append(place.isEmpty() ? "" : ".").append(step);
                }
            }
            // a key of the root object is named by the body
            return new Flaw(inKey && place.isEmpty() ? "body" : place.toString(), problem);
        }
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
