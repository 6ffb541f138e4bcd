package io.leadflow.crmsync.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.leadflow.crmsync.TestHandoffs;
import io.leadflow.crmsync.domain.CrmReceipt;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.HubSpotSignatureV3;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.persistence.SyncLedger;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.SalesFeedback;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * HubSpot calling back with contact changes (request shape and v3 signature as documented:
 * https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation
 * and https://developers.hubspot.com/docs/guides/crm/private-apps/webhooks).
 */
@QuarkusTest
class HubSpotWebhookResourceTest {

    private static final String SIGNED_URL = "https://leadflow.example.com/v1/inbound/hubspot";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    SyncLedger ledger;

    @Test
    void lifecycleChangeOfAHandedOffContactBecomesSalesFeedbackOnce() throws Throwable {
        // Given a lead handed off to HubSpot as contact 7001xxxx
        HandoffCreated handoff = TestHandoffs.newLead();
        String contactId = Long.toString(7_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
        syncedToHubSpot(handoff, contactId);
        String body = "[{\"eventId\":" + ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE) + ",\"subscriptionId\":2001,"
                + "\"portalId\":62515,\"appId\":54321,\"occurredAt\":1763877600000,\"subscriptionType\":\"contact.propertyChange\","
                + "\"attemptNumber\":0,\"objectId\":" + contactId + ",\"changeSource\":\"CRM_UI\",\"propertyName\":\"lifecyclestage\","
                + "\"propertyValue\":\"salesqualifiedlead\"}]";

        try (TopicProbe feedback = TopicProbe.tail(Topics.SALES_FEEDBACK)) {
            // When HubSpot calls, signed, and calls again with the same event (its retry)
            signedPost(body).then().statusCode(204);
            signedPost(body).then().statusCode(204);

            // Then one sales.feedback.v1 says the lead was qualified, by HubSpot, valid against its schema
            List<ReceivedEvent> events = feedback.awaitEvents(1, event -> event.data() != null
                    && handoff.handoffId().equals(event.data().path("handoffId").asText()), TIMEOUT);
            ReceivedEvent event = events.get(0);
            assertThat(event.ceType()).isEqualTo(SalesFeedback.TYPE);
            assertThat(event.key()).isEqualTo(handoff.leadKey());
            assertThat(EventSchemas.validate(SalesFeedback.TYPE, event.data())).isEmpty();
            assertThat(event.data().path("action").asText()).isEqualTo("qualified");
            assertThat(event.data().path("leadId").asText()).isEqualTo(handoff.leadId());
            assertThat(event.data().path("actor").asText()).isEqualTo("hubspot");
            assertThat(feedback.collectFor(Duration.ofSeconds(1))).filteredOn(any -> any.data() != null
                    && handoff.handoffId().equals(any.data().path("handoffId").asText())).hasSize(1);
        }
    }

    @Test
    void aBodyOver128KbIsRefusedNamingTheLimitAndBecomesNoFeedback() throws Throwable {
        // Given a handed-off contact, and a signed call that would qualify it, padded past the webhook's 128 KB
        HandoffCreated handoff = TestHandoffs.newLead();
        String contactId = Long.toString(7_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
        syncedToHubSpot(handoff, contactId);
        String body = "[{\"eventId\":" + ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE) + ",\"subscriptionId\":2001,"
                + "\"portalId\":62515,\"appId\":54321,\"occurredAt\":1763877600000,\"subscriptionType\":\"contact.propertyChange\","
                + "\"attemptNumber\":0,\"objectId\":" + contactId + ",\"changeSource\":\"" + "x".repeat(128 * 1024)
                + "\",\"propertyName\":\"lifecyclestage\",\"propertyValue\":\"salesqualifiedlead\"}]";

        try (TopicProbe feedback = TopicProbe.tail(Topics.SALES_FEEDBACK)) {
            // When / Then: refused before anything reads it, signature included
            signedPost(body).then().statusCode(413)
                    .contentType(startsWith("application/problem+json"))
                    .body("limit", is(128 * 1024))
                    .body("errors.field", contains("body"));
            // and an unsigned one alike
            given().body(body).contentType("application/json").post("/v1/inbound/hubspot").then().statusCode(413);

            assertThat(feedback.collectFor(Duration.ofSeconds(3))).filteredOn(any -> any.data() != null
                    && handoff.handoffId().equals(any.data().path("handoffId").asText())).isEmpty();
        }
    }

    @Test
    void theSyncApiTakes16Kb() {
        given().body("{\"note\": \"" + "x".repeat(16 * 1024) + "\"}").contentType("application/json")
                .post("/v1/sync/{handoffId}/retry", UUID.randomUUID().toString())
                .then().statusCode(413).contentType(startsWith("application/problem+json")).body("limit", is(16 * 1024));
    }

    @Test
    void unsignedOrForgedCallsAreRefused() {
        String body = "[{\"eventId\":1,\"objectId\":1,\"propertyName\":\"lifecyclestage\",\"propertyValue\":\"salesqualifiedlead\"}]";
        given().body(body).contentType("application/json").post("/v1/inbound/hubspot")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        String now = Long.toString(Instant.now().toEpochMilli());
        given().body(body).contentType("application/json")
                .header(HubSpotSignatureV3.TIMESTAMP_HEADER, now)
                .header(HubSpotSignatureV3.SIGNATURE_HEADER, new HubSpotSignatureV3("not-the-secret")
                        .sign("POST", SIGNED_URL, body.getBytes(StandardCharsets.UTF_8), now))
                .post("/v1/inbound/hubspot")
                .then().statusCode(401);
    }

    private io.restassured.response.Response signedPost(String body) {
        String now = Long.toString(Instant.now().toEpochMilli());
        String signature = new HubSpotSignatureV3("test-hubspot-client-secret").sign("POST", SIGNED_URL,
                body.getBytes(StandardCharsets.UTF_8), now);
        return given().body(body).contentType("application/json")
                .header(HubSpotSignatureV3.TIMESTAMP_HEADER, now)
                .header(HubSpotSignatureV3.SIGNATURE_HEADER, signature)
                .post("/v1/inbound/hubspot");
    }

    private void syncedToHubSpot(HandoffCreated handoff, String contactId) throws Throwable {
        LeadUpsert lead = LeadUpsert.of(handoff);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> ledger.recordSuccess(lead, CrmTarget.HUBSPOT, new CrmReceipt(contactId, Instant.now()))));
    }
}
