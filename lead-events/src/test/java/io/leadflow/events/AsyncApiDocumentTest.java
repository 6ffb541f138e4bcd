package io.leadflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document names every topic and every event type, and its schema files exist. */
class AsyncApiDocumentTest {

    private static final List<String> TYPES = List.of(EngagementCaptured.TYPE, LeadScored.TYPE,
            LeadStageChanged.TYPE, HandoffCreated.TYPE, CrmSynced.TYPE, SalesFeedback.TYPE, LeadIdentified.TYPE,
            HandoffStatusChanged.TYPE, HandoffSlaReminder.TYPE, HandoffSlaBreached.TYPE, LeadErased.TYPE, AccountScored.TYPE,
            AccountStageChanged.TYPE);

    @Test
    void documentsEveryPublishedTopic() throws IOException {
        String document = read("/leadflow/asyncapi.yaml");

        assertThat(document).contains("address: " + Topics.ENGAGEMENT, "address: " + Topics.LEAD_SCORES,
                "address: " + Topics.LIFECYCLE, "address: " + Topics.HANDOFFS, "address: " + Topics.CRM_SYNC,
                "address: " + Topics.SALES_FEEDBACK, "address: " + Topics.ERASURE,
                "address: " + Topics.ACCOUNTS);
    }

    @Test
    void everyEventTypeHasAMessageWhosePayloadSchemaExists() throws IOException {
        String document = read("/leadflow/asyncapi.yaml");

        for (String type : TYPES) {
            assertThat(document).contains("name: " + type, "payload: {$ref: 'schemas/" + type + ".json'}");
            assertThat(getClass().getResource("/leadflow/schemas/" + type + ".json")).as(type).isNotNull();
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
