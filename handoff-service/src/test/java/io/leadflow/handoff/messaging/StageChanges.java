package io.leadflow.handoff.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadflow.events.Contribution;
import io.leadflow.events.EngagementType;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.LeadKeys;
import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.LifecycleStage;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TestRecords;
import io.leadflow.testsupport.TestTrace;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Stage changes as scoring-service writes them to the lifecycle topic, one new lead at a time. */
public final class StageChanges {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private StageChanges() {
    }

    /** An email no other test uses, in mixed case as a form might send it. */
    public static String newLeadEmail() {
        return "Lead-" + UUID.randomUUID() + "@Example.com";
    }

    /** The lead with this email moving from {@code from} to {@code to}, with a score explained. */
    public static LeadStageChanged change(String email, LifecycleStage from, LifecycleStage to) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Contribution> top = List.of(
                new Contribution(UUID.randomUUID().toString(), EngagementType.DEMO_REQUESTED, "demo.requested", 40, now),
                new Contribution(UUID.randomUUID().toString(), EngagementType.PAGE_VIEWED, "pricing-page", 15, now.minusSeconds(60)));
        return new LeadStageChanged(UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8)).toString(), LeadKeys.of(email, null), email,
                from, to, 72, top, Map.of("company", "Analytical Engines", "country", "GB"),
                top.get(0).eventId(), now);
    }

    public static LeadStageChanged toMql(String email) {
        return change(email, LifecycleStage.LEAD, LifecycleStage.MQL);
    }

    /** The lead becoming an MQL with these traits instead of the usual ones. */
    public static LeadStageChanged toMql(String email, Map<String, Object> traits) {
        LeadStageChanged change = toMql(email);
        return new LeadStageChanged(change.leadId(), change.leadKey(), change.email(), change.from(), change.to(),
                change.score(), change.topContributions(), traits, change.causeEventId(), change.changedAt());
    }

    /** Writes the change as a new CloudEvent and returns its id. */
    public static String send(LeadStageChanged change) {
        String ceId = UUID.randomUUID().toString();
        send(ceId, change);
        return ceId;
    }

    /** Writes the change with a given CloudEvent id, as a redelivery would. */
    public static void send(String ceId, LeadStageChanged change) {
        TestRecords.sendCloudEvent(Topics.LIFECYCLE, change.leadKey(), ceId, LeadStageChanged.TYPE, valid(change));
    }

    /** Writes the change as a new CloudEvent in {@code trace}, as scoring-service with tracing on would. */
    public static void send(LeadStageChanged change, TestTrace trace) {
        TestRecords.sendCloudEvent(Topics.LIFECYCLE, change.leadKey(), UUID.randomUUID().toString(), LeadStageChanged.TYPE, valid(change),
                trace);
    }

    private static String valid(LeadStageChanged change) {
        JsonNode data = JSON.valueToTree(change);
        assertThat(EventSchemas.validate(LeadStageChanged.TYPE, data)).as("test data follows the contract").isEmpty();
        return data.toString();
    }

    /** Handoff events about the lead of {@code change}. */
    public static Predicate<ReceivedEvent> aboutLead(LeadStageChanged change) {
        return event -> change.leadKey().equals(event.key());
    }

    /** The handoff event made by the stage change with CloudEvent id {@code ceId}. */
    public static Predicate<ReceivedEvent> qualifiedBy(String ceId) {
        return event -> event.data() != null && ceId.equals(event.data().path("qualifyingEventId").asText());
    }
}
