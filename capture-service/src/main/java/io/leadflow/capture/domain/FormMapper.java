package io.leadflow.capture.domain;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.LeadKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns an HTML form post into an {@link EngagementCaptured} event with source
 * {@code form:<formId>}: the email and anonymous id identify the lead, mapped fields become its
 * traits, and the page, referrer, {@code _ga} cookie and campaign ({@code utm_*}) fields become the event's properties.
 */
public final class FormMapper {

    /** Hidden fields a page may add to say where the form was posted from. */
    private static final List<String> PAGE_URL_FIELDS = List.of("page_url", "url");
    private static final String UTM_PREFIX = "utm_";
    /** Hidden fields the snippet adds for attribution: where the visitor came from, and the GA cookie. */
    private static final List<String> ATTRIBUTION_FIELDS = List.of("referrer", Attribution.GA_COOKIE);

    private final IdentityRules rules;
    private final Clock clock;
    private final Supplier<String> newEventId;

    public FormMapper(IdentityRules rules, Clock clock, Supplier<String> newEventId) {
        this.rules = rules;
        this.clock = clock;
        this.newEventId = newEventId;
    }

    /**
     * The event of one post, or its wrong fields.
     *
     * @param fields the posted fields, by name, each with its values in posted order
     * @param referer the page the browser posted from, when it said so
     */
    public Validation map(FormDefinition form, Map<String, List<String>> fields, Optional<String> referer) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> email = value(fields, form.emailField());
        if (email.isEmpty()) {
            errors.add(new FieldError(form.emailField(), "is required"));
        } else {
            rules.emailProblem(email.get()).ifPresent(problem -> errors.add(new FieldError(form.emailField(), problem)));
        }
        Optional<String> anonymousId = value(fields, form.anonymousIdField());
        anonymousId.flatMap(rules::idProblem).ifPresent(problem -> errors.add(new FieldError(form.anonymousIdField(), problem)));
        if (!errors.isEmpty()) {
            return Validation.invalid(errors);
        }
        EngagementCaptured data = new EngagementCaptured(
                LeadKeys.of(email.get(), anonymousId.orElse(null)),
                form.type(),
                email.get(),
                anonymousId.orElse(null),
                clock.instant(),
                "form:" + form.formId(),
                properties(form, fields, referer),
                traits(form, fields),
                false,
                null);
        return Validation.valid(List.of(new CapturedEvent(newEventId.get(), data)));
    }

    private static Map<String, Object> properties(FormDefinition form, Map<String, List<String>> fields, Optional<String> referer) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("formId", form.formId());
        PAGE_URL_FIELDS.stream()
                .flatMap(field -> value(fields, field).stream())
                .findFirst()
                .or(() -> referer.map(String::trim).filter(url -> !url.isEmpty()))
                .ifPresent(url -> properties.put("url", url));
        ATTRIBUTION_FIELDS.forEach(field -> value(fields, field).ifPresent(value -> properties.put(field, value)));
        fields.keySet().stream()
                .filter(field -> field.startsWith(UTM_PREFIX))
                .sorted()
                .forEach(field -> value(fields, field).ifPresent(utm -> properties.put(field, utm)));
        return properties;
    }

    private static Map<String, Object> traits(FormDefinition form, Map<String, List<String>> fields) {
        Map<String, Object> traits = new LinkedHashMap<>();
        form.traitsByField().forEach((field, trait) -> value(fields, field).ifPresent(value -> traits.put(trait, value)));
        return traits;
    }

    /** The field's first non-blank value, trimmed: browsers post empty inputs as empty strings. */
    private static Optional<String> value(Map<String, List<String>> fields, String field) {
        return fields.getOrDefault(field, List.of()).stream()
                .filter(value -> value != null && !value.isBlank())
                .map(String::trim)
                .findFirst();
    }
}
