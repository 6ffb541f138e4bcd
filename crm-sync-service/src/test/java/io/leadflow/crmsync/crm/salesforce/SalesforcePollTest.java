package io.leadflow.crmsync.crm.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadflow.crmsync.InjectWireMock;
import io.leadflow.crmsync.Stubs;
import io.leadflow.crmsync.SyncApi;
import io.leadflow.crmsync.TestHandoffs;
import io.leadflow.crmsync.persistence.PollWatermarks;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.SalesFeedback;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Leads whose status sales changed in Salesforce, polled every second ({@code %test}), become sales feedback. */
@QuarkusTest
@TestProfile(SalesforceTarget.class)
class SalesforcePollTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final DateTimeFormatter API_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    @InjectWireMock
    WireMockServer salesforce;

    @Inject
    PollWatermarks watermarks;

    @Inject
    ObjectMapper json;

    @Test
    void changedStatusesOfHandedOffLeadsBecomeFeedbackOnceAndThePollContinuesFromItsWatermark() throws Throwable {
        // Given two handed-off leads written to Salesforce
        HandoffCreated a = TestHandoffs.newLead();
        HandoffCreated b = TestHandoffs.newLead();
        TestHandoffs.publish(a, json);
        TestHandoffs.publish(b, json);
        await().atMost(TIMEOUT).until(() -> synced(a) && synced(b));

        try (TopicProbe feedback = TopicProbe.tail(Topics.SALES_FEEDBACK)) {
            // When sales works the first (Working - Contacted) and closes the second unconverted, and a Lead
            // Leadflow never handed off changes too; the answer comes in two pages
            Instant modifiedA = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
            Instant modifiedB = modifiedA.plusSeconds(30);
            Map<String, String> values = Map.of("cursor", "01gD0000002HU6K" + UUID.randomUUID().toString().substring(0, 8),
                    "leadA", "00Q-" + a.leadId(), "leadflowA", a.leadId(), "modifiedA", API_DATETIME.format(modifiedA),
                    "leadB", "00Q-" + b.leadId(), "leadflowB", b.leadId(), "modifiedB", API_DATETIME.format(modifiedB));
            Stubs.add(salesforce, "salesforce/query-changed-leads-first-page.json", values);
            Stubs.add(salesforce, "salesforce/query-changed-leads-next-page.json", values);

            // Then each lead gets one sales feedback, valid against the contract, however many polls read the same pages
            Set<String> ours = Set.of(a.handoffId(), b.handoffId());
            feedback.awaitEvents(2, event -> event.data() != null && ours.contains(event.data().path("handoffId").asText()), TIMEOUT);
            await().atMost(TIMEOUT).until(() -> queriesSince(modifiedB) >= 2);
            List<ReceivedEvent> published = feedback.collectFor(Duration.ofSeconds(2)).stream()
                    .filter(event -> event.data() != null && ours.contains(event.data().path("handoffId").asText()))
                    .toList();
            assertThat(published).hasSize(2);
            for (ReceivedEvent event : published) {
                assertThat(EventSchemas.validate(SalesFeedback.TYPE, event.data())).isEmpty();
                assertThat(event.data().path("actor").asText()).isEqualTo("salesforce");
            }
            ReceivedEvent forA = published.stream().filter(event -> a.handoffId().equals(event.data().path("handoffId").asText())).findFirst()
                    .orElseThrow();
            ReceivedEvent forB = published.stream().filter(event -> b.handoffId().equals(event.data().path("handoffId").asText())).findFirst()
                    .orElseThrow();
            assertThat(forA.key()).isEqualTo(a.leadKey());
            assertThat(forA.data().path("action").asText()).isEqualTo("accepted");
            assertThat(forB.data().path("action").asText()).isEqualTo("rejected");
            assertThat(forB.data().path("reasonCode").asText()).isEqualTo("not-converted");
            assertThat(Instant.parse(forB.data().path("occurredAt").asText())).isEqualTo(modifiedB);

            // and the watermark stored in the database is the latest change read, which later queries start from
            assertThat(VertxContextSupport.subscribeAndAwait(() -> watermarks.of("salesforce-poll"))).isEqualTo(modifiedB);
        }
    }

    /** Queries for Leads changed at or after {@code watermark}, written as a SOQL dateTime literal. */
    private int queriesSince(Instant watermark) {
        String literal = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC).format(watermark);
        return salesforce.findAll(getRequestedFor(urlPathEqualTo("/services/data/v62.0/query"))
                .withQueryParam("q", matching(".*LastModifiedDate >= " + literal.replace(".", "\\.") + " ORDER BY LastModifiedDate, Id"))).size();
    }

    private static boolean synced(HandoffCreated handoff) {
        return "SYNCED".equals(SyncApi.asMarketingOps().get("/v1/sync/{leadId}", handoff.leadId()).then().statusCode(200).extract().jsonPath()
                .getString("[0].status"));
    }
}
