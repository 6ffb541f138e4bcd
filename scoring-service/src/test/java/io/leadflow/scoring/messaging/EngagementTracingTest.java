package io.leadflow.scoring.messaging;

import static io.leadflow.testsupport.InMemorySpans.awaitSpan;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import io.leadflow.events.Topics;
import io.leadflow.scoring.TestBatches;
import io.leadflow.scoring.TestBatches.TestRecord;
import io.leadflow.scoring.TestEngagements;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Engagements are counted a polled batch per transaction, yet each lead's score change continues the trace of that
 * lead's engagement (the record of its key), not one trace for the batch.
 */
@QuarkusTest
@TestProfile(InMemorySpans.Profile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "scoring_test"),
        @ResourceArg(name = "schema", value = "scoring")})
class EngagementTracingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void eachLeadsScoreChangeContinuesTheTraceOfItsEngagement() {
        // Given two leads' engagements, each captured in its own trace, written together so that one poll takes both
        TestTrace adasCapture = TestTrace.random();
        TestTrace gracesCapture = TestTrace.random();
        EngagementCaptured ada = TestEngagements.of(TestEngagements.uniqueEmail("ada"), EngagementType.DEMO_REQUESTED, Instant.now());
        EngagementCaptured grace = TestEngagements.of(TestEngagements.uniqueEmail("grace"), EngagementType.DEMO_REQUESTED, Instant.now());

        try (TopicProbe scores = TopicProbe.tail(Topics.LEAD_SCORES)) {
            // When they are counted
            TestBatches.send(List.of(TestRecord.engagement(UUID.randomUUID().toString(), ada, adasCapture),
                    TestRecord.engagement(UUID.randomUUID().toString(), grace, gracesCapture)));

            // Then each lead.scored, relayed from the outbox, carries its own engagement's trace
            List<ReceivedEvent> scored = scores.awaitEvents(2,
                    event -> event.key().equals(ada.leadKey()) || event.key().equals(grace.leadKey()), WAIT);
            ReceivedEvent adas = scored.stream().filter(event -> event.key().equals(ada.leadKey())).findFirst().orElseThrow();
            ReceivedEvent graces = scored.stream().filter(event -> event.key().equals(grace.leadKey())).findFirst().orElseThrow();
            assertContinues(adas, adasCapture);
            assertContinues(graces, gracesCapture);
        }
    }

    // the record's traceparent names the relay's producer span, a child of scoring's consumer span of the engagement
    private void assertContinues(ReceivedEvent scored, TestTrace capture) {
        String relaySpanId = capture.spanIdIn(scored.headers().get("traceparent"));
        assertThat(relaySpanId).as("traceparent %s in trace %s", scored.headers().get("traceparent"), capture.traceId()).isNotNull();
        SpanData publish = awaitSpan(spans, span -> span.getSpanId().equals(relaySpanId), WAIT);
        assertThat(publish.getName()).isEqualTo("leadflow.lead-scores.v1 publish");
        SpanData consumed = awaitSpan(spans, span -> span.getSpanId().equals(publish.getParentSpanId()), WAIT);
        assertThat(consumed.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumed.getName()).isEqualTo("leadflow.engagement.v1 receive");
        assertThat(consumed.getParentSpanId()).isEqualTo(capture.spanId());
    }
}
