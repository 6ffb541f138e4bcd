package io.leadflow.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plain JUnit: form mapping is plain Java. */
class FormMapperTest {

    static final List<String> DEFAULT_TRAITS = List.of("first_name=firstName", "last_name=lastName", "company",
            "job_title=jobTitle", "country", "company_size=companySize", "industry");
    static final FormDefinition DEMO_REQUEST = FormDefinition.of("demo-request", "demo.requested", "/thanks.html",
            "email", "anonymous_id", DEFAULT_TRAITS, List.of(), Optional.empty());

    private final FormMapper mapper = new FormMapper(EventValidatorTest.RULES,
            Clock.fixed(EventValidatorTest.NOW, ZoneOffset.UTC), () -> "form-event-id");

    @Test
    void a_post_becomes_the_forms_engagement_with_mapped_traits_page_and_campaign() {
        // Given
        Map<String, List<String>> fields = fields(
                "email", " ada@example.com ",
                "first_name", "Ada",
                "last_name", "Lovelace",
                "company", "Analytical Engines",
                "job_title", "VP Engineering",
                "company_size", "250",
                "country", "",
                "message", "call me",
                "page_url", "https://example.com/demo",
                "utm_source", "google",
                "utm_campaign", "spring");

        // When
        Validation validation = mapper.map(DEMO_REQUEST, fields, Optional.of("https://example.com/other"));

        // Then
        assertThat(validation.errors()).isEmpty();
        CapturedEvent captured = validation.events().get(0);
        assertThat(captured.id()).isEqualTo("form-event-id");
        assertThat(captured.data()).isEqualTo(new EngagementCaptured("ada@example.com", EngagementType.DEMO_REQUESTED,
                "ada@example.com", null, EventValidatorTest.NOW, "form:demo-request",
                Map.of("formId", "demo-request", "url", "https://example.com/demo", "utm_source", "google",
                        "utm_campaign", "spring"),
                Map.of("firstName", "Ada", "lastName", "Lovelace", "company", "Analytical Engines",
                        "jobTitle", "VP Engineering", "companySize", "250"), false, null));
    }

    @Test
    void the_referer_is_the_page_when_the_form_does_not_say_and_the_anonymous_id_is_kept() {
        Map<String, List<String>> fields = fields("email", "ada@example.com", "anonymous_id", "a-7f3c");

        EngagementCaptured data = mapper.map(DEMO_REQUEST, fields, Optional.of("https://example.com/pricing"))
                .events().get(0).data();

        assertThat(data.properties()).containsEntry("url", "https://example.com/pricing");
        assertThat(data.anonymousId()).isEqualTo("a-7f3c");
        assertThat(data.leadKey()).isEqualTo("ada@example.com");
    }

    @Test
    void a_missing_or_wrong_email_names_the_email_field() {
        assertThat(mapper.map(DEMO_REQUEST, fields("first_name", "Ada"), Optional.empty()).errors())
                .containsExactly(new FieldError("email", "is required"));
        assertThat(mapper.map(DEMO_REQUEST, fields("email", "   "), Optional.empty()).errors())
                .containsExactly(new FieldError("email", "is required"));
        assertThat(mapper.map(DEMO_REQUEST, fields("email", "ada"), Optional.empty()).errors())
                .extracting(FieldError::field).containsExactly("email");
    }

    @Test
    void a_form_may_name_its_own_email_field_and_traits() {
        FormDefinition webinar = FormDefinition.of("webinar", "webinar.registered", "https://example.com/see-you",
                "work_email", "visitor", List.of("org = company"), List.of(), Optional.empty());

        Validation validation = mapper.map(webinar, fields("work_email", "ada@example.com", "org", "AE", "company", "x"),
                Optional.empty());

        assertThat(validation.events().get(0).data().traits()).isEqualTo(Map.of("company", "AE"));
        assertThat(validation.events().get(0).data().source()).isEqualTo("form:webinar");
        assertThat(mapper.map(webinar, fields("email", "ada@example.com"), Optional.empty()).errors())
                .extracting(FieldError::field).containsExactly("work_email");
    }

    @Test
    void a_form_with_an_unknown_event_type_or_an_empty_mapping_is_refused() {
        assertThatThrownBy(() -> FormDefinition.of("f", "demo.request", "/t", "email", "anonymous_id", List.of(),
                List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demo.requested");
        // a custom engagement needs its name, which a form post does not give
        assertThatThrownBy(() -> FormDefinition.of("f", "custom", "/t", "email", "anonymous_id", List.of(), List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'custom'");
        assertThatThrownBy(() -> FormDefinition.of("f", "demo.requested", "/t", "email", "anonymous_id", List.of("a="),
                List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field=trait");
        assertThatThrownBy(() -> FormDefinition.of("f", "demo.requested", "/t", "email", "anonymous_id", List.of(),
                List.of("localhost"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origin");
    }

    @Test
    void a_form_bound_to_origins_accepts_posts_from_those_only() {
        FormDefinition bound = FormDefinition.of("f", "demo.requested", "/t", "email", "anonymous_id", List.of(),
                List.of("https://www.example.com", "http://localhost:*"), Optional.empty());

        assertThat(bound.acceptsOrigin(Optional.of("https://www.example.com"))).isTrue();
        assertThat(bound.acceptsOrigin(Optional.of("http://localhost:8081"))).isTrue();
        assertThat(bound.acceptsOrigin(Optional.of("https://evil.example"))).isFalse();
        assertThat(bound.acceptsOrigin(Optional.empty())).isFalse();
        assertThat(DEMO_REQUEST.acceptsOrigin(Optional.empty())).isTrue();
    }

    @Test
    void a_post_filling_in_the_honeypot_field_is_caught_and_an_empty_one_is_not() {
        FormDefinition guarded = FormDefinition.of("f", "demo.requested", "/t", "email", "anonymous_id", DEFAULT_TRAITS,
                List.of(), Optional.of("website"));

        assertThat(guarded.caughtInHoneypot(fields("email", "ada@example.com", "website", "http://spam.example"))).isTrue();
        assertThat(guarded.caughtInHoneypot(fields("email", "ada@example.com", "website", " "))).isFalse();
        assertThat(guarded.caughtInHoneypot(fields("email", "ada@example.com"))).isFalse();
        assertThat(DEMO_REQUEST.caughtInHoneypot(fields("email", "ada@example.com", "website", "x"))).isFalse();
    }

    @Test
    void a_honeypot_on_a_field_people_fill_in_is_refused() {
        assertThatThrownBy(() -> FormDefinition.of("f", "demo.requested", "/t", "email", "anonymous_id", DEFAULT_TRAITS,
                List.of(), Optional.of("company")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("honeypot");
        assertThatThrownBy(() -> FormDefinition.of("f", "demo.requested", "/t", "email", "anonymous_id", DEFAULT_TRAITS,
                List.of(), Optional.of("email")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("honeypot");
    }

    @Test
    void form_fields_over_32_kb_are_oversized() {
        assertThat(CaptureLimits.oversizedForm(fields("message", "x".repeat(32 * 1024 - 7)))).isEmpty();
        assertThat(CaptureLimits.oversizedForm(fields("message", "x".repeat(32 * 1024 - 6)))).isPresent();
    }

    /** Name, value, name, value, ... */
    static Map<String, List<String>> fields(String... namesAndValues) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return fields;
    }
}
