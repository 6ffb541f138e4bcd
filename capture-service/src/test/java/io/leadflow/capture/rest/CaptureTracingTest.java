package io.leadflow.capture.rest;

import static io.leadflow.capture.rest.EventsResourceTest.ARRIVAL;
import static io.leadflow.capture.rest.EventsResourceTest.byId;
import static io.leadflow.capture.rest.EventsResourceTest.postEvents;
import static io.leadflow.capture.rest.EventsResourceTest.uniqueEmail;
import static io.leadflow.testsupport.InMemorySpans.awaitSpan;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.Topics;
import io.leadflow.testsupport.InMemorySpans;
import io.leadflow.testsupport.KafkaTestResource;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** With tracing on, each captured event starts a trace, and its record carries the context the consumers continue. */
@QuarkusTest
@TestProfile(InMemorySpans.Profile.class)
@QuarkusTestResource(KafkaTestResource.class)
class CaptureTracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void a_captured_event_starts_a_trace_that_its_record_carries() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // When an event is captured
            String eventId = postEvents("""
                    {"type": "page.viewed", "email": "%s"}""".formatted(uniqueEmail())).then()
                    .statusCode(202)
                    .extract().path("eventIds[0]");

            // Then its record carries a W3C traceparent, sampled
            ReceivedEvent record = probe.awaitEvents(1, byId(eventId), ARRIVAL).get(0);
            String[] traceparent = record.headers().get("traceparent").split("-");
            assertThat(traceparent).hasSize(4);
            assertThat(Integer.parseInt(traceparent[3], 16) & 1).as("sampled flag of %s", traceparent[3]).isEqualTo(1);

            // naming capture's producer span, the root of the trace
            SpanData publish = awaitSpan(spans, span -> span.getSpanId().equals(traceparent[2]), ARRIVAL);
            assertThat(publish.getTraceId()).isEqualTo(traceparent[1]);
            assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(publish.getName()).isEqualTo("leadflow.engagement.v1 publish");
            assertThat(publish.getParentSpanId()).isEqualTo(SpanId.getInvalid());
            assertThat(publish.getResource().getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("capture-service");
        }
    }
}
