package io.leadflow.crmsync.messaging;

import static io.leadflow.testsupport.InMemorySpans.awaitSpan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.TestHandoffs;
import io.leadflow.crmsync.WireMockTestResource;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.InMemorySpans;
import io.leadflow.testsupport.KafkaTestResource;
import io.leadflow.testsupport.PostgresTestResource;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TestRecords;
import io.leadflow.testsupport.TestTrace;
import io.leadflow.testsupport.TopicProbe;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
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
 * One trace from the handoff record to the CRM call and on to {@code crm.synced}: the record's {@code traceparent}
 * is continued by the consumer's span, the CRM call is a client span under it, and the outbox row written with the
 * sync keeps the trace context, so the relayed record carries the same trace id.
 */
@QuarkusTest
@TestProfile(InMemorySpans.Profile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "crm_sync_test"),
        @ResourceArg(name = "schema", value = "crm_sync")})
@QuarkusTestResource(WireMockTestResource.class)
class HandoffTracingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    InMemorySpanExporter spans;

    @Inject
    ObjectMapper json;

    @Test
    void theHandoffsTraceGoesOnThroughTheCrmCallToTheSyncedEvent() throws Exception {
        // Given a handoff record in a trace, as handoff-service's relay writes it
        TestTrace handoffService = TestTrace.random();
        HandoffCreated handoff = TestHandoffs.newLead();

        String relaySpanId;
        try (TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            // When it is consumed
            TestRecords.sendCloudEvent(Topics.HANDOFFS, handoff.leadKey(), handoff.handoffId(), HandoffCreated.TYPE,
                    json.writeValueAsString(handoff), handoffService);

            // Then crm.synced, relayed from the outbox, carries the same trace, under a span of this service
            ReceivedEvent synced = syncs.awaitEvents(1,
                    event -> event.data() != null && handoff.handoffId().equals(event.data().path("handoffId").asText()), TIMEOUT).get(0);
            relaySpanId = handoffService.spanIdIn(synced.headers().get("traceparent"));
            assertThat(relaySpanId).as("traceparent %s in trace %s", synced.headers().get("traceparent"), handoffService.traceId())
                    .isNotNull().isNotEqualTo(handoffService.spanId());
        }

        // and that span is the relay's producer span, a child of the consumer's span of the handoff record: the outbox
        // row kept that span's context
        SpanData publish = awaitSpan(spans, span -> span.getSpanId().equals(relaySpanId), TIMEOUT);
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publish.getName()).isEqualTo("leadflow.crm-sync.v1 publish");
        SpanData consumed = awaitSpan(spans, span -> span.getSpanId().equals(publish.getParentSpanId()), TIMEOUT);
        assertThat(consumed.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumed.getName()).isEqualTo("leadflow.handoffs.v1 receive");
        assertThat(consumed.getTraceId()).isEqualTo(handoffService.traceId());
        assertThat(consumed.getParentSpanId()).isEqualTo(handoffService.spanId());

        // and the CRM call is a client span under that consumer's span, ended without an error
        SpanData call = awaitSpan(spans, span -> span.getName().equals("crm.upsert webhook")
                && span.getParentSpanId().equals(consumed.getSpanId()), TIMEOUT);
        assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(call.getTraceId()).isEqualTo(handoffService.traceId());
        assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }
}
