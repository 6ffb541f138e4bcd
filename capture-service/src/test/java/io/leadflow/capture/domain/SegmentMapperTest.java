package io.leadflow.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.leadflow.capture.domain.SegmentMapper.MessageType;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import io.leadflow.events.LeadIdentified;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentMapperTest {

    private final SegmentMapper mapper = new SegmentMapper(EventValidatorTest.RULES,
            Clock.fixed(EventValidatorTest.NOW, ZoneOffset.UTC), () -> "made-id", new BotClassifier(),
            new SegmentEventNames(Map.of("Signed Up", "trial.started")));

    @Test
    void a_track_of_a_known_name_is_that_engagement_with_the_message_id_as_event_id() {
        Map<String, Object> track = Map.of("messageId", "m-1", "event", "Demo Requested", "anonymousId", "a-1",
                "timestamp", "2026-11-22T11:00:00.000+01:00", "properties", Map.of("plan", "pro"),
                "context", Map.of("traits", Map.of("email", "Ada@Example.com", "company", "AE"),
                        "page", Map.of("url", "https://example.com/demo"), "campaign", Map.of("source", "google")));

        SegmentMessages messages = mapper.map(List.of(new RawEvent("", track, 100)), Optional.of(MessageType.TRACK));

        assertThat(messages.errors()).isEmpty();
        CapturedEvent event = (CapturedEvent) messages.events().get(0);
        assertThat(event.id()).isEqualTo("m-1");
        EngagementCaptured data = event.data();
        assertThat(data.type()).isEqualTo(EngagementType.DEMO_REQUESTED);
        assertThat(data.leadKey()).isEqualTo("ada@example.com");
        assertThat(data.anonymousId()).isEqualTo("a-1");
        assertThat(data.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(data.source()).isEqualTo("api");
        assertThat(data.properties()).containsEntry("plan", "pro").containsEntry("url", "https://example.com/demo")
                .containsEntry("utm_source", "google");
        assertThat(data.traits()).containsEntry("company", "AE");
    }

    @Test
    void segment_names_and_wire_names_map_to_engagement_types() {
        SegmentEventNames names = SegmentEventNames.builtIn();
        assertThat(names.typeOf("Email Opened")).isEqualTo(EngagementType.EMAIL_OPENED);
        assertThat(names.typeOf("email_link_clicked")).isEqualTo(EngagementType.EMAIL_CLICKED);
        assertThat(names.typeOf("Order Completed")).isEqualTo(EngagementType.PURCHASE_COMPLETED);
        assertThat(names.typeOf("Unsubscribed")).isEqualTo(EngagementType.EMAIL_UNSUBSCRIBED);
        for (EngagementType type : EngagementType.values()) {
            assertThat(names.typeOf(type.wireName())).as(type.wireName()).isEqualTo(type);
        }
        assertThat(names.typeOf("Button Clicked")).isEqualTo(EngagementType.CUSTOM);
    }

    @Test
    void aConfiguredNameIsItsBuiltInTypeAndAnUnknownOneIsCustom() {
        SegmentEventNames names = new SegmentEventNames(Map.of("Signed Up", "trial.started", "Order Completed", "form.submitted"));

        assertThat(names.typeOf("signed_up")).isEqualTo(EngagementType.TRIAL_STARTED);
        assertThat(names.typeOf("Order Completed")).as("a configured name wins").isEqualTo(EngagementType.FORM_SUBMITTED);
        assertThat(names.typeOf("Pricing Calculator Used")).isEqualTo(EngagementType.CUSTOM);
    }

    @Test
    void aMappingToNoBuiltInTypeIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> new SegmentEventNames(Map.of("Signed Up", "trial.begun")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"Signed Up\"").hasMessageContaining("trial.begun");
        assertThatThrownBy(() -> new SegmentEventNames(Map.of("Signed Up", "custom")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built-in");
    }

    @Test
    void aTrackOfAnyNameIsCapturedUnderItsNameAsSent() {
        // Given Segment tracks of a built-in, a configured and a custom name
        List<RawEvent> batch = List.of(
                new RawEvent("batch[0]", Map.of("type", "track", "event", "Trial Started", "userId", "ada@example.com"), 50),
                new RawEvent("batch[1]", Map.of("type", "track", "event", "Signed Up", "userId", "ada@example.com"), 50),
                new RawEvent("batch[2]", Map.of("type", "track", "event", " Pricing Calculator Used ", "userId", "ada@example.com",
                        "properties", Map.of("seats", 25)), 80),
                new RawEvent("batch[3]", Map.of("type", "page", "userId", "ada@example.com"), 50));

        // When they are read
        SegmentMessages messages = mapper.map(batch, Optional.empty());

        // Then each is captured, with its type and the name it was sent under
        assertThat(messages.errors()).isEmpty();
        assertThat(messages.events()).map(event -> ((CapturedEvent) event).data())
                .extracting(EngagementCaptured::type, EngagementCaptured::event)
                .containsExactly(tuple(EngagementType.TRIAL_STARTED, "Trial Started"), tuple(EngagementType.TRIAL_STARTED, "Signed Up"),
                        tuple(EngagementType.CUSTOM, "Pricing Calculator Used"), tuple(EngagementType.PAGE_VIEWED, null));
        assertThat(((CapturedEvent) messages.events().get(2)).data().properties()).containsEntry("seats", 25);
    }

    @Test
    void aBotsCustomEventKeepsItsName() {
        Map<String, Object> track = Map.of("event", "Pricing Calculator Used", "anonymousId", "a-1",
                "context", Map.of("userAgent", "Googlebot/2.1 (+http://www.google.com/bot.html)"));

        SegmentMessages messages = mapper.map(List.of(new RawEvent("", track, 80)), Optional.of(MessageType.TRACK));

        EngagementCaptured data = ((CapturedEvent) messages.events().get(0)).data();
        assertThat(data.bot()).isTrue();
        assertThat(data.event()).isEqualTo("Pricing Calculator Used");
    }

    @Test
    void an_open_fetched_by_apple_mail_privacy_protection_is_flagged_not_dropped() {
        Map<String, Object> open = Map.of("event", "Email Opened", "userId", "ada@example.com",
                "context", Map.of("userAgent", "Mozilla/5.0", "ip", "17.58.63.12"));

        SegmentMessages messages = mapper.map(List.of(new RawEvent("", open, 80)), Optional.of(MessageType.TRACK));

        EngagementCaptured data = ((CapturedEvent) messages.events().get(0)).data();
        assertThat(data.bot()).isTrue();
        assertThat(data.botReason()).isEqualTo(BotClassifier.APPLE_MAIL_PRIVACY);
    }

    @Test
    void a_page_is_a_page_view_named_by_the_page() {
        Map<String, Object> page = Map.of("type", "page", "name", "Pricing", "userId", "ada@example.com",
                "properties", Map.of("url", "https://example.com/pricing"));

        SegmentMessages messages = mapper.map(List.of(new RawEvent("batch[0]", page, 80)), Optional.empty());

        CapturedEvent event = (CapturedEvent) messages.events().get(0);
        assertThat(event.id()).isEqualTo("made-id");
        assertThat(event.data().type()).isEqualTo(EngagementType.PAGE_VIEWED);
        assertThat(event.data().email()).isEqualTo("ada@example.com");
        assertThat(event.data().properties()).containsEntry("name", "Pricing");
    }

    @Test
    void an_identify_with_an_anonymous_id_and_an_email_identifies_the_lead() {
        Map<String, Object> identify = Map.of("type", "identify", "messageId", "m-2", "anonymousId", "a-9", "userId", "u-42",
                "traits", Map.of("email", "ada@example.com", "firstName", "Ada"));

        SegmentMessages messages = mapper.map(List.of(new RawEvent("batch[0]", identify, 90)), Optional.empty());

        IdentifiedLead lead = (IdentifiedLead) messages.events().get(0);
        LeadIdentified data = lead.data();
        assertThat(lead.id()).isEqualTo("m-2");
        assertThat(lead.key()).isEqualTo("ada@example.com");
        assertThat(lead.ceType()).isEqualTo(LeadIdentified.TYPE);
        assertThat(data.anonymousId()).isEqualTo("a-9");
        assertThat(data.userId()).isEqualTo("u-42");
        assertThat(data.traits()).containsEntry("firstName", "Ada");
        assertThat(SegmentMapper.identifies(List.of(new RawEvent("batch[0]", identify, 90)), Optional.empty())).isTrue();
    }

    @Test
    void wrongMessagesAreNamedAndCostOnlyThemselves() {
        List<RawEvent> batch = List.of(
                new RawEvent("batch[0]", Map.of("type", "track", "event", "Email Opened", "anonymousId", "a-1"), 50),
                new RawEvent("batch[1]", Map.of("type", "track", "event", " ", "anonymousId", "a-1"), 50),
                new RawEvent("batch[2]", Map.of("type", "identify", "userId", "u-1", "traits", Map.of()), 50),
                new RawEvent("batch[3]", Map.of("type", "alias", "userId", "u-1"), 50),
                new RawEvent("batch[4]", Map.of("type", "page", "userId", "u-1"), 50),
                new RawEvent("batch[5]", Map.of("type", "page", "anonymousId", "a-1", "timestamp", "yesterday"), 50));

        SegmentMessages messages = mapper.map(batch, Optional.empty());

        assertThat(messages.events()).map(event -> ((CapturedEvent) event).data().type()).containsExactly(EngagementType.EMAIL_OPENED);
        assertThat(messages.rejected()).isEqualTo(5);
        assertThat(messages.capturesNothing()).isFalse();
        assertThat(messages.errors()).extracting(FieldError::field).containsExactly(
                "batch[1].event", "batch[2].traits.email", "batch[2].anonymousId", "batch[3].type",
                "batch[4].anonymousId", "batch[5].timestamp");
    }

    @Test
    void aMessageWithTextTheDatabaseCannotKeepCostsOnlyItself() {
        List<RawEvent> batch = List.of(
                new RawEvent("batch[0]", Map.of("type", "track", "event", "Pricing Calculator Used", "anonymousId", "a-1",
                        "properties", Map.of("plan", "pro\u0000")), 50),
                new RawEvent("batch[1]", Map.of("type", "track", "event", "Demo Requested", "anonymousId", "a-1"), 50));

        SegmentMessages messages = mapper.map(batch, Optional.empty());

        assertThat(messages.events()).hasSize(1);
        assertThat(messages.errors()).singleElement().extracting(FieldError::field).asString().startsWith("batch[0].properties");
    }
}
