package io.leadflow.capture.domain;

import io.leadflow.events.EngagementType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An HTML form that may be posted to capture: what engagement a post records and how its fields
 * map onto the lead.
 *
 * @param formId the id in the post's path, {@code /v1/forms/<formId>}
 * @param type the engagement a post records
 * @param thankYouUrl where the browser is sent after the post was captured
 * @param emailField the field holding the lead's email
 * @param anonymousIdField the field holding the visitor's anonymous id, when the page sets one
 * @param traitsByField the form fields copied into the lead's traits, by field name
 * @param allowedOrigins the normalized origins the form may be posted from; any when empty
 * @param honeypotField a field hidden from people: a post that fills it in is a bot's
 */
public record FormDefinition(
        String formId,
        EngagementType type,
        String thankYouUrl,
        String emailField,
        String anonymousIdField,
        Map<String, String> traitsByField,
        List<String> allowedOrigins,
        Optional<String> honeypotField) {

    public FormDefinition {
        traitsByField = Map.copyOf(traitsByField);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Whether the post filled in the honeypot field, which people never see. */
    public boolean caughtInHoneypot(Map<String, List<String>> fields) {
        return honeypotField.map(field -> fields.getOrDefault(field, List.of()).stream()
                .anyMatch(value -> value != null && !value.isBlank())).orElse(false);
    }

    /** Whether a post from {@code origin} (normalized, if the browser said) may be captured. */
    public boolean acceptsOrigin(Optional<String> origin) {
        return allowedOrigins.isEmpty()
                || origin.filter(from -> allowedOrigins.stream().anyMatch(allowed -> Origins.matches(allowed, from))).isPresent();
    }

    /**
     * A form from its configured values; {@code traitMapping} entries read {@code field=trait}, or
     * just {@code field} when the trait has the field's name.
     *
     * @throws IllegalArgumentException when the event type is unknown or a mapping entry is empty
     */
    public static FormDefinition of(String formId, String eventType, String thankYouUrl, String emailField,
            String anonymousIdField, List<String> traitMapping, List<String> allowedOrigins, Optional<String> honeypotField) {
        // a form records a built-in type: a custom engagement needs a name a form post does not give
        EngagementType type = EngagementType.fromWireName(eventType).filter(t -> t != EngagementType.CUSTOM)
                .orElseThrow(() -> new IllegalArgumentException("form " + formId + ": unknown event type '" + eventType
                        + "', use one of " + Arrays.stream(EngagementType.values()).filter(t -> t != EngagementType.CUSTOM)
                        .map(EngagementType::wireName).collect(Collectors.joining(", "))));
        List<String> origins = allowedOrigins.stream().map(origin -> Origins.normalize(origin).orElseThrow(() ->
                new IllegalArgumentException("form " + formId + ": allowed origin '" + origin + "' is not an http(s) origin")))
                .toList();
        Map<String, String> traits = parseTraits(formId, traitMapping);
        // a honeypot people fill in would drop their posts
        if (honeypotField.filter(field -> field.equals(emailField) || traits.containsKey(field)).isPresent()) {
            throw new IllegalArgumentException("form " + formId + ": the honeypot field '" + honeypotField.get()
                    + "' is a field people fill in");
        }
        return new FormDefinition(formId, type, thankYouUrl, emailField, anonymousIdField, traits, origins, honeypotField);
    }

    private static Map<String, String> parseTraits(String formId, List<String> mapping) {
        Map<String, String> traits = new LinkedHashMap<>();
        for (String entry : mapping) {
            String[] parts = entry.split("=", 2);
            String field = parts[0].trim();
            String trait = parts.length == 2 ? parts[1].trim() : field;
            if (field.isEmpty() || trait.isEmpty()) {
                throw new IllegalArgumentException("form " + formId + ": trait mapping '" + entry + "' is not field=trait");
            }
            traits.put(field, trait);
        }
        return traits;
    }
}
