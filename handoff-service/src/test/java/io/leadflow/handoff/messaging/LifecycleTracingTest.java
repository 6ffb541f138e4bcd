package io.leadflow.handoff.messaging;

import static io.leadflow.handoff.messaging.StageChanges.aboutLead;
import static io.leadflow.testsupport.InMemorySpans.awaitSpan;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.InMemorySpans;
import io.leadflow.testsupport.KafkaTestResource;
import io.leadflow.testsupport.PostgresTestResource;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TestTrace;
import io.leadflow.testsupport.TopicProbe;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The handoff event continues the trace of the stage change that made the lead an MQL, although it is written to the
 * outbox in the consumer's transaction and sent later by the relay.
 */
@QuarkusTest
@TestProfile(InMemorySpans.Profile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "handoff_test"),
        @ResourceArg(name = "schema", value = "handoff")})
class LifecycleTracingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theHandoffEventContinuesTheTraceOfTheStageChange() {
        // Given a lead that scoring-service has just made an MQL, in a trace
        TestTrace scoringService = TestTrace.random();
        LeadStageChanged change = StageChanges.toMql(StageChanges.newLeadEmail());

        String relaySpanId;
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            // When the stage change arrives
            StageChanges.send(change, scoringService);

            // Then the handoff event carries the same trace, under a span of this service
            ReceivedEvent handoff = handoffs.awaitEvents(1, aboutLead(change), WAIT).get(0);
            relaySpanId = scoringService.spanIdIn(handoff.headers().get("traceparent"));
            assertThat(relaySpanId).as("traceparent %s in trace %s", handoff.headers().get("traceparent"), scoringService.traceId())
                    .isNotNull().isNotEqualTo(scoringService.spanId());
        }

        // and that span is the relay's producer span, a child of the consumer's span of the stage change
        SpanData publish = awaitSpan(spans, span -> span.getSpanId().equals(relaySpanId), WAIT);
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publish.getName()).isEqualTo("leadflow.handoffs.v1 publish");
        SpanData consumed = awaitSpan(spans, span -> span.getSpanId().equals(publish.getParentSpanId()), WAIT);
        assertThat(consumed.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumed.getName()).isEqualTo("leadflow.lifecycle.v1 receive");
        assertThat(consumed.getParentSpanId()).isEqualTo(scoringService.spanId());
    }
}
