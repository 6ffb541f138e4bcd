package io.leadflow.handoff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.Topics;
import io.leadflow.handoff.messaging.StageChanges;
import io.leadflow.testsupport.ManagementInterface;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What ops watch: readiness that reflects the broker and the database, metrics, the API document. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessReflectsKafkaAndTheDatabase() {
        given().baseUri(ManagementInterface.baseUri())
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }

    @Test
    void handedOffEventsShowInTheMetrics() {
        // Given a handoff made from an MQL stage change
        LeadStageChanged change = StageChanges.toMql(StageChanges.newLeadEmail());
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            StageChanges.send(change);
            handoffs.awaitEvents(1, StageChanges.aboutLead(change), Duration.ofSeconds(30));
        }

        // Then the lifecycle channel's events, their processing time and the published events are counted
        given().baseUri(ManagementInterface.baseUri())
                .when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("leadflow_events_in_total{channel=\"lifecycle\",duplicate=\"false\"}"))
                .body(containsString("leadflow_events_processing_seconds_count{channel=\"lifecycle\"}"))
                .body(containsString("leadflow_events_out_total{topic=\"leadflow.handoffs.v1\"}"));
    }

    @Test
    void theApiIsDescribed() {
        given().baseUri(ManagementInterface.baseUri())
                .when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", hasKey("/v1/handoffs"));
    }
}
