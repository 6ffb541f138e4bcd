package io.leadflow.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Plain JUnit: the validator is plain Java. */
class EventValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final IdentityRules RULES = new IdentityRules(email -> !email.endsWith(".notatld"));

    private final EventValidator validator = new EventValidator(RULES, Clock.fixed(NOW, ZoneOffset.UTC), () -> "generated-id",
            new SegmentEventNames(Map.of("Signed Up", "trial.started")));

    @Test
    void a_full_event_becomes_an_api_engagement_with_the_clients_id() {
        // Given
        Map<String, Object> event = event("page.viewed");
        event.put("eventId", "0b9f6d3e-4c1a");
        event.put("anonymousId", "a-7f3c");
        event.put("occurredAt", "2026-11-21T09:30:00Z");
        event.put("properties", Map.of("url", "https://example.com/pricing"));
        event.put("traits", Map.of("company", "Analytical Engines", "companySize", 250));

        // When
        Validation validation = validator.validate(List.of(single(event)));

        // Then
        assertThat(validation.errors()).isEmpty();
        CapturedEvent captured = validation.events().get(0);
        assertThat(captured.id()).isEqualTo("0b9f6d3e-4c1a");
        assertThat(captured.key()).isEqualTo("ada@example.com");
        assertThat(captured.data()).isEqualTo(new EngagementCaptured("ada@example.com", EngagementType.PAGE_VIEWED,
                "Ada@Example.com", "a-7f3c", Instant.parse("2026-11-21T09:30:00Z"), "api",
                Map.of("url", "https://example.com/pricing"), Map.of("company", "Analytical Engines", "companySize", 250), false, null));
    }

    @Test
    void the_service_makes_the_id_and_the_time_when_the_client_gives_none() {
        // Given an anonymous visitor without id or time
        Map<String, Object> event = new HashMap<>(Map.of("type", "email.opened", "anonymousId", " a-7f3c "));

        // When
        CapturedEvent captured = validator.validate(List.of(single(event))).events().get(0);

        // Then
        assertThat(captured.id()).isEqualTo("generated-id");
        assertThat(captured.key()).isEqualTo("anon:a-7f3c");
        assertThat(captured.data().occurredAt()).isEqualTo(NOW);
        assertThat(captured.data().properties()).isEmpty();
    }

    @Test
    void an_offset_time_is_read_as_the_instant_it_names() {
        Map<String, Object> event = event("page.viewed");
        event.put("occurredAt", "2026-11-22T11:00:00+01:00");

        assertThat(validator.validate(List.of(single(event))).events().get(0).data().occurredAt()).isEqualTo(NOW);
    }

    @Test
    void null_entries_of_properties_and_traits_are_dropped() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("url", "https://example.com");
        properties.put("referrer", null);
        Map<String, Object> event = event("page.viewed");
        event.put("properties", properties);
        event.put("traits", null);

        EngagementCaptured data = validator.validate(List.of(single(event))).events().get(0).data();

        assertThat(data.properties()).containsOnlyKeys("url");
        assertThat(data.traits()).isEmpty();
    }

    @Test
    void every_wrong_field_of_a_single_event_is_named() {
        // Given
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", "x".repeat(201));
        event.put("type", "page.visited");
        event.put("email", "not-an-email");
        event.put("occurredAt", "yesterday");
        event.put("properties", List.of("url"));
        event.put("traits", "VP");

        // When
        Validation validation = validator.validate(List.of(single(event)));

        // Then
        assertThat(validation.isValid()).isFalse();
        assertThat(validation.events()).isEmpty();
        assertThat(validation.errors()).extracting(FieldError::field)
                .containsExactly("eventId", "type", "email", "occurredAt", "properties", "traits");
        assertThat(validation.errors().get(1).message()).contains("page.viewed", "demo.requested");
    }

    @Test
    void aCustomEventIsCapturedUnderItsNameAndAKnownNameIsItsType() {
        // Given native events of the custom form
        Map<String, Object> custom = Map.of("type", "custom", "event", "Pricing Calculator Used", "email", "ada@example.com",
                "properties", Map.of("seats", 25));
        Map<String, Object> mapped = Map.of("type", "custom", "event", "Signed Up", "email", "ada@example.com");

        // When they are validated
        Validation validation = validator.validate(List.of(new RawEvent("events[0]", custom, 80), new RawEvent("events[1]", mapped, 60)));

        // Then the custom one keeps its name, the mapped one is its built-in type
        assertThat(validation.errors()).isEmpty();
        assertThat(validation.events()).extracting(event -> event.data().type(), event -> event.data().event())
                .containsExactly(tuple(EngagementType.CUSTOM, "Pricing Calculator Used"), tuple(EngagementType.TRIAL_STARTED, "Signed Up"));
    }

    @Test
    void aCustomEventWithoutAUsableNameIsRefusedNamingTheField() {
        Map<String, Object> unnamed = Map.of("type", "custom", "email", "ada@example.com");
        Map<String, Object> tooLong = Map.of("type", "custom", "event", "x".repeat(201), "email", "ada@example.com");

        Validation validation = validator.validate(List.of(new RawEvent("events[0]", unnamed, 60), new RawEvent("events[1]", tooLong, 260)));

        assertThat(validation.isValid()).isFalse();
        assertThat(validation.errors()).extracting(FieldError::field).containsExactly("events[0].event", "events[1].event");
    }

    @Test
    void an_event_needs_an_email_or_an_anonymous_id() {
        Map<String, Object> event = new HashMap<>();
        event.put("type", "page.viewed");
        event.put("email", null);

        Validation validation = validator.validate(List.of(single(event)));

        assertThat(validation.errors()).containsExactly(new FieldError("email", "an email or an anonymousId is required"));
    }

    @Test
    void a_missing_type_a_blank_anonymous_id_and_a_wrongly_typed_email_are_errors() {
        Map<String, Object> event = new HashMap<>(Map.of("anonymousId", "  ", "email", 42));

        Validation validation = validator.validate(List.of(single(event)));

        assertThat(validation.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("type", "email", "anonymousId");
    }

    @Test
    void emails_the_contract_rejects_are_rejected() {
        for (String email : List.of("ada@example.notatld", "ada@localhost", "@example.com", "ada example@x.com@")) {
            Map<String, Object> event = event("page.viewed");
            event.put("email", email);

            assertThat(validator.validate(List.of(single(event))).errors())
                    .as(email).extracting(FieldError::field).containsExactly("email");
        }
    }

    @Test
    void a_time_far_in_the_future_or_before_1970_is_an_error() {
        for (String time : List.of("2026-11-24T10:00:00Z", "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z")) {
            Map<String, Object> event = event("page.viewed");
            event.put("occurredAt", time);

            assertThat(validator.validate(List.of(single(event))).errors())
                    .as(time).extracting(FieldError::field).containsExactly("occurredAt");
        }
    }

    @Test
    void one_bad_event_rejects_the_whole_batch_and_is_named_by_its_index() {
        // Given
        Map<String, Object> bad = event("page.visited");
        bad.remove("email");
        List<RawEvent> batch = List.of(inBatch(0, event("page.viewed")), inBatch(1, bad), inBatch(2, "not an object"));

        // When
        Validation validation = validator.validate(batch);

        // Then
        assertThat(validation.events()).isEmpty();
        assertThat(validation.errors()).extracting(FieldError::field)
                .containsExactly("events[1].type", "events[1].email", "events[2]");
    }

    @Test
    void a_batch_holds_one_to_500_events() {
        List<RawEvent> full = IntStream.range(0, 500).mapToObj(i -> inBatch(i, event("page.viewed"))).toList();
        List<RawEvent> tooMany = IntStream.range(0, 501).mapToObj(i -> inBatch(i, event("page.viewed"))).toList();

        assertThat(validator.validate(full).events()).hasSize(500);
        assertThat(validator.validate(tooMany).errors()).extracting(FieldError::field).containsExactly("events");
        assertThat(validator.validate(List.of()).errors()).extracting(FieldError::field).containsExactly("events");
    }

    @Test
    void events_over_32_kb_are_named_as_oversized() {
        List<RawEvent> batch = List.of(new RawEvent("events[0]", Map.of(), 32 * 1024),
                new RawEvent("events[1]", Map.of(), 32 * 1024 + 1));

        assertThat(CaptureLimits.oversizedEvents(batch)).extracting(FieldError::field).containsExactly("events[1]");
    }

    static Map<String, Object> event(String type) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("email", "Ada@Example.com");
        return event;
    }

    static RawEvent single(Object json) {
        return new RawEvent("", json, 100);
    }

    static RawEvent inBatch(int index, Object json) {
        return new RawEvent("events[" + index + "]", json, 100);
    }
}
