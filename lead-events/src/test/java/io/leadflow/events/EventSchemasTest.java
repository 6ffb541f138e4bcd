package io.leadflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String LEAD_ID = "6f1c1b55-5f0c-4c8e-9a53-0d6c3bd1e0a1";

    @Test
    void engagementRecordValidatesAgainstItsSchema() {
        var event = new EngagementCaptured("ada@example.com", EngagementType.PAGE_VIEWED, "ada@example.com", null,
                NOW, "api", Map.of("url", "https://example.com/pricing"), Map.of("company", "Analytical Engines"), false, null);

        assertThat(EventSchemas.validate(EngagementCaptured.TYPE, JSON.valueToTree(event))).isEmpty();
    }

    @Test
    void nullTraitsAndPropertiesAreDroppedNotRejected() {
        var traits = new java.util.HashMap<String, Object>();
        traits.put("company", null);
        traits.put("country", "GB");

        var event = new EngagementCaptured("ada@example.com", EngagementType.PAGE_VIEWED, "ada@example.com", null,
                NOW, "api", null, traits, false, null);

        assertThat(event.traits()).containsOnlyKeys("country");
        assertThat(event.properties()).isEmpty();
    }

    @Test
    void engagementWithoutEmailOrAnonymousIdIsRejected() {
        JsonNode data = JSON.valueToTree(new EngagementCaptured("x", EngagementType.PAGE_VIEWED, null, null, NOW,
                "api", Map.of(), Map.of(), false, null));

        assertThat(EventSchemas.validate(EngagementCaptured.TYPE, data)).isNotEmpty();
    }

    @Test
    void unknownEngagementTypeIsRejected() {
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(new EngagementCaptured(
                "ada@example.com", EngagementType.PAGE_VIEWED, "ada@example.com", null, NOW, "api", Map.of(), Map.of(), false, null));
        data.put("type", "page.teleported");

        assertThat(EventSchemas.validate(EngagementCaptured.TYPE, data)).anyMatch(m -> m.contains("type"));
    }

    @Test
    void customEngagementCarriesItsNameAndReadsBackTheSame() throws Exception {
        // Given a custom engagement, as capture writes it
        var event = new EngagementCaptured("ada@example.com", EngagementType.CUSTOM, "ada@example.com", null, NOW, "api",
                Map.of("seats", 25), Map.of(), false, null, "Pricing Calculator Used");

        // When it is written and read back
        JsonNode data = JSON.valueToTree(event);

        // Then its schema takes it and its name survives
        assertThat(EventSchemas.validate(EngagementCaptured.TYPE, data)).isEmpty();
        assertThat(data.get("type").asText()).isEqualTo("custom");
        assertThat(JSON.treeToValue(data, EngagementCaptured.class)).isEqualTo(event);
    }

    @Test
    void customEngagementWithoutItsNameIsRejected() {
        JsonNode unnamed = JSON.valueToTree(new EngagementCaptured("ada@example.com", EngagementType.CUSTOM, "ada@example.com",
                null, NOW, "api", Map.of(), Map.of(), false, null));
        JsonNode blank = JSON.valueToTree(new EngagementCaptured("ada@example.com", EngagementType.CUSTOM, "ada@example.com",
                null, NOW, "api", Map.of(), Map.of(), false, null, "  "));

        assertThat(EventSchemas.validate(EngagementCaptured.TYPE, unnamed)).anyMatch(m -> m.contains("event"));
        assertThat(EventSchemas.validate(EngagementCaptured.TYPE, blank)).anyMatch(m -> m.contains("event"));
    }

    @Test
    void anEngagementWrittenBeforeEventNamesReadsWithoutOne() throws Exception {
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(new EngagementCaptured(
                "ada@example.com", EngagementType.DEMO_REQUESTED, "ada@example.com", null, NOW, "api", Map.of(), Map.of(), false, null));
        data.remove("event");

        assertThat(EventSchemas.validate(EngagementCaptured.TYPE, data)).isEmpty();
        assertThat(JSON.treeToValue(data, EngagementCaptured.class).event()).isNull();
    }

    @Test
    void attributionChannelIsOptionalAndOneOfTheKnownChannels() {
        var attributed = new EngagementCaptured("ada@example.com", EngagementType.PAGE_VIEWED, "ada@example.com", null, NOW,
                "api", Map.of(AttributionChannel.PROPERTY, AttributionChannel.PAID_SEARCH.wireName(),
                "gaClientId", "1234567890.1700000000"), Map.of(), false, null);
        var unknown = new EngagementCaptured("ada@example.com", EngagementType.PAGE_VIEWED, "ada@example.com", null, NOW,
                "api", Map.of(AttributionChannel.PROPERTY, "carrier-pigeon"), Map.of(), false, null);

        assertThat(EventSchemas.validate(EngagementCaptured.TYPE, JSON.valueToTree(attributed))).isEmpty();
        assertThat(EventSchemas.validate(EngagementCaptured.TYPE, JSON.valueToTree(unknown)))
                .anyMatch(m -> m.contains(AttributionChannel.PROPERTY));
        assertThat(AttributionChannel.fromWireName("organic-search")).contains(AttributionChannel.ORGANIC_SEARCH);
    }

    @Test
    void stageChangeAndHandoffValidateWithTheirContributions() {
        var contribution = new Contribution("e-1", EngagementType.DEMO_REQUESTED, "points.demo.requested", 60, NOW);
        var stageChanged = new LeadStageChanged(LEAD_ID, "ada@example.com", "ada@example.com", LifecycleStage.LEAD,
                LifecycleStage.MQL, 110, List.of(contribution), Map.of("country", "GB"), "e-1", NOW);
        var handoff = new HandoffCreated(DeterministicIds.of("handoff", "x"), LEAD_ID, "ada@example.com",
                "ada@example.com", Map.of("company", "Analytical Engines"), 110, List.of(contribution), "rep-1", "round-robin", NOW,
                "s-1", NOW);
        var scoreChanged = new LeadScored(LEAD_ID, "ada@example.com", null, 110, 60, "e-1", LifecycleStage.MQL, NOW);
        var synced = new CrmSynced(handoff.handoffId(), LEAD_ID, "ada@example.com", "webhook", null, NOW);

        assertThat(EventSchemas.validate(LeadStageChanged.TYPE, JSON.valueToTree(stageChanged))).isEmpty();
        assertThat(EventSchemas.validate(HandoffCreated.TYPE, JSON.valueToTree(handoff))).isEmpty();
        assertThat(EventSchemas.validate(LeadScored.TYPE, JSON.valueToTree(scoreChanged))).isEmpty();
        assertThat(EventSchemas.validate(CrmSynced.TYPE, JSON.valueToTree(synced))).isEmpty();
    }

    @Test
    void botFlaggedEngagementValidates() {
        var event = new EngagementCaptured("ada@example.com", EngagementType.EMAIL_OPENED, "ada@example.com", null,
                NOW, "api", Map.of(), Map.of(), true, "email-scanner");

        assertThat(EventSchemas.validate(EngagementCaptured.TYPE, JSON.valueToTree(event))).isEmpty();
    }

    @Test
    void salesFeedbackNeedsAReasonToRejectOrRecycle() {
        var accepted = new SalesFeedback(LEAD_ID, LEAD_ID, "ada@example.com", null, SalesAction.ACCEPTED, null, "rep-1", NOW);
        var rejectedWithoutReason = new SalesFeedback(LEAD_ID, LEAD_ID, "ada@example.com", null, SalesAction.REJECTED, null,
                "rep-1", NOW);
        var recycled = new SalesFeedback(LEAD_ID, LEAD_ID, "ada@example.com", null, SalesAction.RECYCLED, "not-now", "rep-1", NOW);

        assertThat(EventSchemas.validate(SalesFeedback.TYPE, JSON.valueToTree(accepted))).isEmpty();
        assertThat(EventSchemas.validate(SalesFeedback.TYPE, JSON.valueToTree(rejectedWithoutReason))).isNotEmpty();
        assertThat(EventSchemas.validate(SalesFeedback.TYPE, JSON.valueToTree(recycled))).isEmpty();
        assertThat(SalesAction.RECYCLED.stage()).isEqualTo(LifecycleStage.RECYCLED);
    }

    @Test
    void identifyLinksAnAnonymousIdToAnEmail() {
        var identified = new LeadIdentified("ada@example.com", "ada@example.com", "a-7f3c", null, NOW, Map.of("firstName", "Ada"));
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(identified);

        assertThat(EventSchemas.validate(LeadIdentified.TYPE, data)).isEmpty();
        data.remove("anonymousId");
        assertThat(EventSchemas.validate(LeadIdentified.TYPE, data)).anyMatch(m -> m.contains("anonymousId"));
    }

    @Test
    void erasureNamesTheLeadByIdAndKeyedHashesAndCarriesNoKeyInTheClear() {
        var hash = ErasedKeyHash.withSecret("a-test-secret-of-at-least-32-characters").of("ada@example.com");
        var erased = new LeadErased(LEAD_ID, List.of(hash), "dpo-operator-7", "subject request #42", NOW);
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(erased);

        assertThat(EventSchemas.validate(LeadErased.TYPE, data)).isEmpty();
        data.put("leadKey", "ada@example.com");
        assertThat(EventSchemas.validate(LeadErased.TYPE, data)).anyMatch(m -> m.contains("leadKey"));
        data.remove("leadKey");
        data.putArray("keyHashes").add("ada@example.com");
        assertThat(EventSchemas.validate(LeadErased.TYPE, data)).as("a key in the clear is no hash").anyMatch(m -> m.contains("keyHashes"));
        data.putArray("keyHashes").add(hash);
        data.remove("requestedBy");
        assertThat(EventSchemas.validate(LeadErased.TYPE, data)).anyMatch(m -> m.contains("requestedBy"));
    }

    @Test
    void handoffWithoutAssigneeIsRejected() {
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(new HandoffCreated(
                DeterministicIds.of("h"), LEAD_ID, "k", null, Map.of(), 1, List.of(), "rep", "rule", NOW, "s", NOW));
        data.remove("assignee");

        assertThat(EventSchemas.validate(HandoffCreated.TYPE, data)).anyMatch(m -> m.contains("assignee"));
    }

    @Test
    void unknownEventTypeHasNoSchema() {
        assertThatThrownBy(() -> EventSchemas.validate("lead.teleported.v1", JSON.createObjectNode()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lead.teleported.v1");
    }
}
