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
                NOW, "api", Map.of("url", "https://example.com/pricing"), Map.of("company", "Analytical Engines"));

        assertThat(EventSchemas.validate(EngagementCaptured.TYPE, JSON.valueToTree(event))).isEmpty();
    }

    @Test
    void nullTraitsAndPropertiesAreDroppedNotRejected() {
        var traits = new java.util.HashMap<String, Object>();
        traits.put("company", null);
        traits.put("country", "GB");

        var event = new EngagementCaptured("ada@example.com", EngagementType.PAGE_VIEWED, "ada@example.com", null,
                NOW, "api", null, traits);

        assertThat(event.traits()).containsOnlyKeys("country");
        assertThat(event.properties()).isEmpty();
    }

    @Test
    void engagementWithoutEmailOrAnonymousIdIsRejected() {
        JsonNode data = JSON.valueToTree(new EngagementCaptured("x", EngagementType.PAGE_VIEWED, null, null, NOW,
                "api", Map.of(), Map.of()));

        assertThat(EventSchemas.validate(EngagementCaptured.TYPE, data)).isNotEmpty();
    }

    @Test
    void unknownEngagementTypeIsRejected() {
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(new EngagementCaptured(
                "ada@example.com", EngagementType.PAGE_VIEWED, "ada@example.com", null, NOW, "api", Map.of(), Map.of()));
        data.put("type", "page.teleported");

        assertThat(EventSchemas.validate(EngagementCaptured.TYPE, data)).anyMatch(m -> m.contains("type"));
    }

    @Test
    void stageChangeAndHandoffValidateWithTheirContributions() {
        var contribution = new Contribution("e-1", EngagementType.DEMO_REQUESTED, "points.demo.requested", 60, NOW);
        var stageChanged = new LeadStageChanged(LEAD_ID, "ada@example.com", "ada@example.com", LifecycleStage.LEAD,
                LifecycleStage.MQL, 110, List.of(contribution), Map.of("country", "GB"), "e-1", NOW);
        var handoff = new HandoffCreated(DeterministicIds.of("handoff", "x"), LEAD_ID, "ada@example.com",
                "ada@example.com", 110, List.of(contribution), "rep-1", "round-robin", NOW, "s-1", NOW);
        var scoreChanged = new LeadScoreChanged(LEAD_ID, "ada@example.com", null, 110, 60, "e-1", LifecycleStage.MQL, NOW);
        var synced = new CrmSynced(handoff.handoffId(), LEAD_ID, "ada@example.com", "webhook", null, NOW);

        assertThat(EventSchemas.validate(LeadStageChanged.TYPE, JSON.valueToTree(stageChanged))).isEmpty();
        assertThat(EventSchemas.validate(HandoffCreated.TYPE, JSON.valueToTree(handoff))).isEmpty();
        assertThat(EventSchemas.validate(LeadScoreChanged.TYPE, JSON.valueToTree(scoreChanged))).isEmpty();
        assertThat(EventSchemas.validate(CrmSynced.TYPE, JSON.valueToTree(synced))).isEmpty();
    }

    @Test
    void handoffWithoutAssigneeIsRejected() {
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(new HandoffCreated(
                DeterministicIds.of("h"), LEAD_ID, "k", null, 1, List.of(), "rep", "rule", NOW, "s", NOW));
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
