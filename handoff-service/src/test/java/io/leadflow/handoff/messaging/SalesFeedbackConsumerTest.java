package io.leadflow.handoff.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.events.CloudEventSources;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffStatusChanged;
import io.leadflow.events.SalesFeedback;
import io.leadflow.events.Topics;
import io.leadflow.handoff.Tokens;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TestRecords;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sales tools' verdicts arriving on the sales-feedback topic. */
@QuarkusTest
class SalesFeedbackConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aSalesToolsVerdictChangesTheHandoffAndIsAnnouncedOnce() {
        // Given a handoff, and a sales tool that rejects it (delivered twice)
        ReceivedEvent created = Handoffs.create(StageChanges.toMql(StageChanges.newLeadEmail()));
        String id = created.ceId();
        String ceId = UUID.randomUUID().toString();
        String verdict = feedback(created, "rejected", "no-budget", "hubspot");
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {

            // When the verdict arrives, twice
            TestRecords.sendCloudEvent(Topics.SALES_FEEDBACK, created.key(), ceId, SalesFeedback.TYPE, verdict);
            TestRecords.sendCloudEvent(Topics.SALES_FEEDBACK, created.key(), ceId, SalesFeedback.TYPE, verdict);

            // Then the handoff is rejected and one status change is announced, with an id derived from the verdict's
            ReceivedEvent change = handoffs.awaitEvents(1, event -> HandoffStatusChanged.TYPE.equals(event.ceType())
                    && id.equals(event.data().path("handoffId").asText()), WAIT).get(0);
            assertThat(change.ceId()).isEqualTo(DeterministicIds.of("handoff-status", ceId));
            assertThat(change.data().get("status").asText()).isEqualTo("rejected");
            assertThat(change.data().get("reasonCode").asText()).isEqualTo("no-budget");
            assertThat(change.data().get("actor").asText()).isEqualTo("hubspot");
            assertThat(EventSchemas.validate(HandoffStatusChanged.TYPE, change.data())).isEmpty();
            assertThat(handoffs.collectFor(Duration.ofSeconds(2)).stream()
                    .filter(event -> id.equals(event.data().path("handoffId").asText()))).hasSize(1);
            assertThat(statusOf(created)).isEqualTo("REJECTED");
        }
    }

    @Test
    void feedbackThisServicePublishedIsPassedOver() {
        // Given a handoff and a verdict that carries this service's own source
        ReceivedEvent created = Handoffs.create(StageChanges.toMql(StageChanges.newLeadEmail()));
        TestRecords.send(Topics.SALES_FEEDBACK, created.key(), Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", SalesFeedback.TYPE, "ce_source", CloudEventSources.HANDOFF, "content-type", "application/json"),
                feedback(created, "rejected", "no-budget", "ana"));

        // When a sales tool's acceptance follows it in the same partition
        TestRecords.sendCloudEvent(Topics.SALES_FEEDBACK, created.key(), UUID.randomUUID().toString(), SalesFeedback.TYPE,
                feedback(created, "accepted", null, "salesforce"));

        // Then only the tool's verdict applied
        await().atMost(WAIT).untilAsserted(() -> assertThat(statusOf(created)).isEqualTo("ACCEPTED"));
    }

    private static String statusOf(ReceivedEvent created) {
        List<Map<String, Object>> found = given().header("Authorization", Tokens.ADMIN).queryParam("email", created.data().get("email").asText())
                .when().get("/v1/handoffs").then().statusCode(200).extract().path("$");
        return (String) found.get(0).get("status");
    }

    private static String feedback(ReceivedEvent created, String action, String reason, String actor) {
        String data = """
                {"handoffId": "%s", "leadId": "%s", "leadKey": "%s", "email": "%s", "action": "%s", %s "actor": "%s", "occurredAt": "%s"}
                """.formatted(created.ceId(), created.data().get("leadId").asText(), created.key(), created.data().get("email").asText(),
                action, reason == null ? "" : "\"reasonCode\": \"" + reason + "\",", actor, Instant.now());
        assertThat(EventSchemas.validate(SalesFeedback.TYPE, Json.read(data))).isEmpty();
        return data;
    }
}
