package io.leadflow.crmsync.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.leadflow.crmsync.InjectWireMock;
import io.leadflow.crmsync.SyncApi;
import io.leadflow.crmsync.TestHandoffs;
import io.leadflow.crmsync.WireMockTestResource;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A handoff the CRM keeps refusing spends its retry budget (4 attempts in the test profile), is dead-lettered, and an operator retries it. */
@QuarkusTest
class RetryBudgetTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectWireMock
    WireMockServer webhook;

    @Inject
    ObjectMapper json;

    @Test
    void refusedHandoffIsDeadLetteredWithTheReasonThenRetriedByAnOperator() {
        // Given a receiver that refuses this lead (422) every time
        HandoffCreated handoff = TestHandoffs.newLead();
        StubMapping refusal = webhook.stubFor(post(urlEqualTo(WireMockTestResource.WEBHOOK_PATH))
                .withHeader("Idempotency-Key", equalTo(handoff.handoffId()))
                .atPriority(1)
                .willReturn(aResponse().withStatus(422).withBody("{\"error\":\"owner unknown\"}")));

        try (TopicProbe deadLetters = TopicProbe.tail(Topics.deadLetter(Topics.CRM_SYNC))) {
            // When the handoff is published, followed by a later handoff of the same lead
            TestHandoffs.publish(handoff, json);
            HandoffCreated later = TestHandoffs.sameLead(handoff);
            TestHandoffs.publish(later, json);

            // Then after 4 attempts it goes to the DLQ, keyed by the lead, with the reason and the attempts
            ReceivedEvent dead = deadLetters.awaitEvents(1, event -> handoff.leadKey().equals(event.key()), TIMEOUT).get(0);
            assertThat(dead.headers().get(CrmDeadLetters.REASON_HEADER)).contains("422").contains("owner unknown");
            assertThat(dead.headers()).containsEntry(CrmDeadLetters.ATTEMPTS_HEADER, "4")
                    .containsEntry(CrmDeadLetters.TARGET_HEADER, "webhook")
                    .containsEntry("ce_id", handoff.handoffId());

            // and the partition moved on: the later handoff of the same lead is synced
            await().atMost(TIMEOUT).until(() -> ledgerOf(handoff).getList("findAll { it.status == 'SYNCED' }.handoffId")
                    .contains(later.handoffId()));
        }
        await().atMost(TIMEOUT).until(() -> "FAILED".equals(statusOf(handoff)));
        assertThat(attemptsOf(handoff)).isEqualTo(4);
        assertThat(webhook.findAll(postRequestedFor(urlEqualTo(WireMockTestResource.WEBHOOK_PATH))
                .withHeader("Idempotency-Key", equalTo(handoff.handoffId())))).hasSize(4);

        // When an operator retries while the receiver still refuses, Then 502 and it stays FAILED, one attempt more
        SyncApi.asAdmin().post("/v1/sync/{handoffId}/retry", handoff.handoffId())
                .then().statusCode(502).contentType(startsWith("application/problem+json"));
        assertThat(statusOf(handoff)).isEqualTo("FAILED");
        assertThat(attemptsOf(handoff)).isEqualTo(5);

        try (TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            // When the receiver is fixed and the operator retries, Then it is synced and announced
            webhook.removeStub(refusal);
            SyncApi.asAdmin().post("/v1/sync/{handoffId}/retry", handoff.handoffId())
                    .then().statusCode(200);
            assertThat(statusOf(handoff)).isEqualTo("SYNCED");
            syncs.awaitEvents(1, event -> event.data() != null
                    && handoff.handoffId().equals(event.data().path("handoffId").asText()), TIMEOUT);
        }

        // and a second retry of a SYNCED handoff is refused
        SyncApi.asAdmin().post("/v1/sync/{handoffId}/retry", handoff.handoffId()).then().statusCode(409);
    }

    @Test
    void retryOfAnUnknownOrMalformedHandoffIsAProblem() {
        SyncApi.asAdmin().post("/v1/sync/{handoffId}/retry", UUID.randomUUID().toString()).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        SyncApi.asAdmin().post("/v1/sync/{handoffId}/retry", "not-a-uuid").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    private static JsonPath ledgerOf(HandoffCreated handoff) {
        return SyncApi.asMarketingOps().get("/v1/sync/{leadId}", handoff.leadId()).then().statusCode(200).extract().jsonPath();
    }

    private static String statusOf(HandoffCreated handoff) {
        return ledgerOf(handoff).getString("find { it.handoffId == '" + handoff.handoffId() + "' }.status");
    }

    private static int attemptsOf(HandoffCreated handoff) {
        return ledgerOf(handoff).getInt("find { it.handoffId == '" + handoff.handoffId() + "' }.attempts");
    }
}
