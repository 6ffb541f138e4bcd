package io.leadflow.crmsync.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.InMemorySpans;
import io.leadflow.crmsync.TestHandoffs;
import io.leadflow.crmsync.WireMockTestResource;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.KafkaTestResource;
import io.leadflow.testsupport.PostgresTestResource;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TestRecords;
import io.leadflow.testsupport.TopicProbe;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceId;
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
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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
        // Given a handoff record in a trace, as handoff-service's relay writes it (W3C traceparent header, sampled)
        String traceId = TraceId.fromLongs(ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        String producerSpanId = SpanId.fromLong(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        HandoffCreated handoff = TestHandoffs.newLead();

        SpanData publish;
        try (TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            // When it is consumed
            TestRecords.send(Topics.HANDOFFS, handoff.leadKey(), Map.of(
                    "ce_specversion", "1.0",
                    "ce_id", handoff.handoffId(),
                    "ce_type", HandoffCreated.TYPE,
                    "ce_source", "/leadflow/tests",
                    "ce_time", Instant.now().toString(),
                    "content-type", "application/json",
                    "traceparent", "00-" + traceId + "-" + producerSpanId + "-01"), json.writeValueAsString(handoff));

            // Then crm.synced, relayed from the outbox, carries the same trace, under a span of this service
            ReceivedEvent synced = syncs.awaitEvents(1,
                    event -> event.data() != null && handoff.handoffId().equals(event.data().path("handoffId").asText()), TIMEOUT).get(0);
            String traceparent = synced.headers().get("traceparent");
            assertThat(traceparent).startsWith("00-" + traceId + "-");
            String relaySpanId = traceparent.split("-")[2];
            assertThat(relaySpanId).isNotEqualTo(producerSpanId);

            // and that span is the relay's producer span, in the trace
            publish = await().atMost(TIMEOUT).until(() -> span(relaySpanId), found -> found != null);
            assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(publish.getTraceId()).isEqualTo(traceId);
        }

        // and the CRM call is a client span of the trace, under the consumer's span of the handoff record
        SpanData call = await().atMost(TIMEOUT).until(() -> inTrace(traceId).stream()
                .filter(span -> span.getName().equals("crm.upsert webhook")).findFirst().orElse(null), found -> found != null);
        assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(call.getStatus().getStatusCode().name()).isEqualTo("UNSET");
        SpanData consumed = span(call.getParentSpanId());
        assertThat(consumed).isNotNull();
        assertThat(consumed.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumed.getParentSpanId()).isEqualTo(producerSpanId);
        assertThat(consumed.getTraceId()).isEqualTo(traceId);

        // and the relay's producer span is a child of that consumer's span: the outbox row kept its context
        assertThat(publish.getParentSpanId()).isEqualTo(consumed.getSpanId());
    }

    private List<SpanData> inTrace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private SpanData span(String spanId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getSpanId().equals(spanId)).findFirst().orElse(null);
    }
}
