package io.leadflow.handoff.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.events.CloudEventSources;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.LeadStageChanged;
import io.leadflow.handoff.Tokens;
import io.leadflow.testsupport.ManagementInterface;
import io.leadflow.testsupport.StandardWebhooksReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signed webhooks end to end: a real HTTP receiver gets each handoff event and checks its Standard
 * Webhooks signature with the scheme's Java library, as a sales tool would; one test has the npm
 * library verify them in a Node.js receiver.
 * Tests retry with a short backoff and three attempts ({@code %test} settings).
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET = "whsec_cmVjZWl2ZXItc2VjcmV0LTAxMjM0NTY3ODlhYmNkZWY=";
    private static final String NEW_SECRET = "whsec_cm90YXRlZC1zZWNyZXQtMDEyMzQ1Njc4OWFiY2RlZg==";

    private final List<String> subscriptions = new ArrayList<>();

    @Inject
    Pool pool;

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(id -> given().header("Authorization", Tokens.ADMIN).when().delete("/v1/webhooks/" + id));
    }

    @Test
    void eachHandoffEventIsPostedAsASignedCloudEventThatTheReceiverVerifies() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200);
                WebhookReceiver elsewhere = WebhookReceiver.answering(200)) {
            // Given a subscription to every event, and one to a rep who gets no leads
            String id = subscribe(Map.of("url", receiver.url(), "secret", SECRET));
            String other = subscribe(Map.of("url", elsewhere.url(), "reps", List.of("nobody")));

            // When a lead is handed off
            String handoffId = Handoffs.create();

            // Then the receiver gets it once, signed with its secret over the raw body
            WebhookReceiver.Received request = receiver.await(handoffId, 1, WAIT).get(0);
            assertThat(request.verifiesWith(SECRET)).isTrue();
            assertThat(request.verifiesWith(NEW_SECRET)).isFalse();
            assertThat(request.header("webhook-id")).isEqualTo(delivery(id, handoffId).getString("id"));
            byte[] tampered = new String(request.body(), StandardCharsets.UTF_8).replace("\"score\":72", "\"score\":99").getBytes(StandardCharsets.UTF_8);
            assertThat(tampered).isNotEqualTo(request.body());
            assertThat(request.verifiesWith(SECRET, tampered)).isFalse();

            // as a structured CloudEvent with the topic's id, type and data
            JsonNode event = request.json();
            assertThat(request.contentType()).isEqualTo("application/cloudevents+json");
            assertThat(event.get("id").asText()).isEqualTo(handoffId);
            assertThat(event.get("type").asText()).isEqualTo(HandoffCreated.TYPE);
            assertThat(event.get("source").asText()).isEqualTo(CloudEventSources.HANDOFF);
            assertThat(EventSchemas.validate(HandoffCreated.TYPE, event.get("data"))).isEmpty();

            // and the delivery is recorded as delivered at the first attempt; the filtered subscription got nothing
            await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(id, handoffId).getString("status")).isEqualTo("DELIVERED"));
            assertThat(delivery(id, handoffId).getInt("attempts")).isEqualTo(1);
            assertThat(delivery(id, handoffId).getInt("lastStatusCode")).isEqualTo(200);
            given().header("Authorization", Tokens.ADMIN).when().get("/v1/webhooks/" + other + "/deliveries").then().statusCode(200).body("eventId", not(hasItem(handoffId)));
            assertThat(elsewhere.about(handoffId)).isEmpty();
        }
    }

    @Test
    void aReceiverUsingTheNpmStandardWebhooksLibraryAcceptsEachDeliveryAndRefusesATamperedCopy() throws Exception {
        try (StandardWebhooksReceiver node = new StandardWebhooksReceiver(Path.of("target", "standardwebhooks-receiver"), SECRET)) {
            // Given a Node.js receiver that verifies every request with npm's standardwebhooks, subscribed
            String id = subscribe(Map.of("url", node.uri().toString(), "secret", SECRET));

            // When a lead is handed off
            String handoffId = Handoffs.create();

            // Then the library accepted the delivery (the receiver answered 204) under its webhook-id
            await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(id, handoffId).getString("status")).isEqualTo("DELIVERED"));
            StandardWebhooksReceiver.Verdict genuine = node.verdicts().stream().filter(verdict -> verdict.body().contains(handoffId))
                    .findFirst().orElseThrow();
            assertThat(genuine.verified()).as(genuine.reason()).isTrue();
            assertThat(genuine.id()).isEqualTo(delivery(id, handoffId).getString("id"));

            // When the same delivery arrives again with one byte of its body changed
            byte[] tampered = genuine.body().replaceFirst("\"score\":(\\d)", "\"score\":9$1").getBytes(StandardCharsets.UTF_8);
            assertThat(new String(tampered, StandardCharsets.UTF_8)).isNotEqualTo(genuine.body());
            int answer = node.post(genuine.headers(), tampered);

            // Then the library refuses it
            assertThat(answer).isEqualTo(401);
            assertThat(node.verdicts()).last().satisfies(verdict -> {
                assertThat(verdict.verified()).isFalse();
                assertThat(verdict.reason()).isEqualTo("No matching signature found");
            });
        }
    }

    @Test
    void aSecretThatIsNotAStandardWebhooksSecretIsRefusedAndNothingIsStored() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            int before = given().header("Authorization", Tokens.ADMIN).when().get("/v1/webhooks").then().extract().path("size()");

            given().header("Authorization", Tokens.ADMIN).contentType("application/json")
                    .body(Map.of("url", receiver.url(), "secret", "a-long-shared-secret-without-the-prefix"))
                    .when().post("/v1/webhooks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", is(List.of("secret"))).body("errors.message", hasItem(containsString("whsec_")));

            given().header("Authorization", Tokens.ADMIN).when().get("/v1/webhooks").then().body("size()", is(before));
        }
    }

    @Test
    void aSecretTheServiceMakesIsAStandardWebhooksSecret() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            JsonPath created = given().header("Authorization", Tokens.ADMIN).contentType("application/json")
                    .body(Map.of("url", receiver.url()))
                    .when().post("/v1/webhooks")
                    .then().statusCode(201).extract().jsonPath();
            subscriptions.add(created.getString("id"));

            assertThat(created.getString("secret")).matches("whsec_[A-Za-z0-9+/]{43}=");
        }
    }

    @Test
    void capturedMarkupArrivesEscapedInTheSignedBodyAndParsesBackToTheExactText() {
        // stored XSS: what a visitor typed into a form or a page URL reaches sales tools as data
        String script = "<script>alert('lead')</script> & Co";
        String pageUrl = "https://example.com/pricing?q=<img src=x onerror=alert(1)>&utm_source=ads";
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            // Given a subscription, and a lead whose captured traits hold markup
            subscribe(Map.of("url", receiver.url(), "secret", SECRET));
            LeadStageChanged change = StageChanges.toMql(StageChanges.newLeadEmail(), Map.of("company", script, "landingPage", pageUrl));

            // When it is handed off
            String handoffId = Handoffs.create(change).ceId();

            // Then the body is JSON without one markup character: a receiver pasting it into HTML opens no tag
            WebhookReceiver.Received request = receiver.await(handoffId, 1, WAIT).get(0);
            String raw = new String(request.body(), StandardCharsets.UTF_8);
            assertThat(request.contentType()).isEqualTo("application/cloudevents+json");
            assertThat(raw).doesNotContain("<", ">", "&")
                    .contains("\\u003Cscript\\u003E", "\\u003Cimg src=x onerror=alert(1)\\u003E", "\\u0026utm_source");
            // and it parses back to the exact text, under a signature over those bytes that verifies
            assertThat(request.json().at("/data/traits/company").asText()).isEqualTo(script);
            assertThat(request.json().at("/data/traits/landingPage").asText()).isEqualTo(pageUrl);
            assertThat(request.verifiesWith(SECRET)).isTrue();
        }
    }

    @Test
    void aReceiverThatFailsOnceGetsTheSameEventAgainAndTheDeliveryEndsDelivered() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(500, 200)) {
            String id = subscribe(Map.of("url", receiver.url(), "secret", SECRET));

            String handoffId = Handoffs.create();

            List<WebhookReceiver.Received> requests = receiver.await(handoffId, 2, WAIT);
            assertThat(requests).extracting(request -> request.json().get("id").asText()).containsExactly(handoffId, handoffId);
            assertThat(requests).allSatisfy(request -> assertThat(request.verifiesWith(SECRET)).isTrue());
            await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(id, handoffId).getString("status")).isEqualTo("DELIVERED"));
            assertThat(delivery(id, handoffId).getInt("attempts")).isEqualTo(2);
        }
    }

    @Test
    void aDeliveryThatNeverSucceedsIsMarkedFailedAfterTheLastAttemptAndCanBeRedeliveredOnceTheReceiverIsFixed() {
        // a receiver down for three requests, then fixed
        try (WebhookReceiver receiver = WebhookReceiver.answering(503, 503, 503, 200)) {
            String id = subscribe(Map.of("url", receiver.url(), "secret", SECRET));

            String handoffId = Handoffs.create();

            await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(id, handoffId).getString("status")).isEqualTo("FAILED"));
            JsonPath failed = delivery(id, handoffId);
            assertThat(failed.getInt("attempts")).isEqualTo(3);
            assertThat(failed.getInt("lastStatusCode")).isEqualTo(503);
            assertThat(failed.getString("lastError")).contains("503");
            assertThat(receiver.about(handoffId)).hasSize(3);
            given().baseUri(ManagementInterface.baseUri()).when().get("/q/metrics").then().statusCode(200)
                    .body(containsString("leadflow_webhooks_attempts_total{outcome=\"failed\"}"));
            given().header("Authorization", Tokens.ADMIN).queryParam("status", "failed").when().get("/v1/webhooks/" + id + "/deliveries")
                    .then().statusCode(200).body("eventId", hasItem(handoffId));

            // When an operator redelivers it, then it arrives and is delivered at the first new attempt
            given().header("Authorization", Tokens.ADMIN).when().post("/v1/webhooks/" + id + "/deliveries/" + failed.getString("id") + "/redeliver")
                    .then().statusCode(200).body("status", is("PENDING"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(id, handoffId).getString("status")).isEqualTo("DELIVERED"));
            assertThat(delivery(id, handoffId).getInt("attempts")).isEqualTo(1);
            assertThat(receiver.about(handoffId)).hasSize(4);
        }
    }

    @Test
    void duringARotationBothSecretsVerifyAndOnceTheOldOneIsRetiredOnlyTheNewOneDoes() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            // Given a subscription whose secret is rotated, with the old one still live
            String id = subscribe(Map.of("url", receiver.url(), "secret", SECRET));
            String oldSecretId = given().header("Authorization", Tokens.ADMIN).when().get("/v1/webhooks/" + id).then().statusCode(200).extract().path("secrets[0].id");
            given().header("Authorization", Tokens.ADMIN).contentType("application/json").body(Map.of("secret", NEW_SECRET, "overlap", "PT1H"))
                    .when().post("/v1/webhooks/" + id + "/secrets")
                    .then().statusCode(200);
            given().header("Authorization", Tokens.ADMIN).when().get("/v1/webhooks/" + id).then().body("secrets.size()", is(2))
                    .body("secrets.secret", not(hasItems(SECRET)));

            // When a handoff is made, then the receiver may verify it with either secret
            String during = Handoffs.create();
            WebhookReceiver.Received first = receiver.await(during, 1, WAIT).get(0);
            assertThat(first.signatureCount()).isEqualTo(2);
            assertThat(first.verifiesWith(SECRET)).isTrue();
            assertThat(first.verifiesWith(NEW_SECRET)).isTrue();

            // When the old secret is retired, then only the new one verifies
            given().header("Authorization", Tokens.ADMIN).when().delete("/v1/webhooks/" + id + "/secrets/" + oldSecretId).then().statusCode(204);
            String after = Handoffs.create();
            WebhookReceiver.Received second = receiver.await(after, 1, WAIT).get(0);
            assertThat(second.signatureCount()).isEqualTo(1);
            assertThat(second.verifiesWith(NEW_SECRET)).isTrue();
            assertThat(second.verifiesWith(SECRET)).isFalse();
        }
    }

    @Test
    void aBadSubscriptionIsRefusedNamingEachWrongFieldAndStoresNothing() {
        int before = given().header("Authorization", Tokens.ADMIN).when().get("/v1/webhooks").then().extract().path("size()");

        given().header("Authorization", Tokens.ADMIN).contentType("application/json").body(Map.of("url", "ftp://example.com/hook", "eventTypes", List.of("handoff.deleted.v1")))
                .when().post("/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("url", "eventTypes"));
        given().header("Authorization", Tokens.ADMIN).contentType("application/json").body(Map.of("url", "https://example.com/hook", "rep", "ana"))
                .when().post("/v1/webhooks")
                .then().statusCode(400).body("errors.field", hasItems("rep"));

        given().header("Authorization", Tokens.ADMIN).when().get("/v1/webhooks").then().body("size()", is(before));
    }

    @Test
    void aUrlThatWouldReachThisServicesOwnNetworkIsRefusedNamingUrlAndWhyAndStoresNothing() {
        int before = given().header("Authorization", Tokens.ADMIN).when().get("/v1/webhooks").then().extract().path("size()");

        // metadata endpoint, pod network, loopback over IPv6 and IPv4-mapped IPv6, multicast, plain http
        Map<String, String> refused = Map.of(
                "https://169.254.169.254/latest/meta-data/", "link-local",
                "https://10.0.0.5/hook", "private",
                "https://[::1]:8443/hook", "loopback",
                "https://[::ffff:192.168.1.20]/hook", "private",
                "https://239.1.2.3/hook", "multicast",
                "http://93.184.216.34/hook", "https");
        refused.forEach((url, reason) -> given().header("Authorization", Tokens.ADMIN).contentType("application/json").body(Map.of("url", url))
                .when().post("/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("url"))
                .body("errors.message", hasItem(containsString(reason))));

        given().header("Authorization", Tokens.ADMIN).when().get("/v1/webhooks").then().body("size()", is(before));
    }

    @Test
    void aSubscriptionCannotBeMovedToARefusedUrlAndKeepsItsOwn() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            String id = subscribe(Map.of("url", receiver.url()));

            given().header("Authorization", Tokens.ADMIN).contentType("application/json").body(Map.of("url", "https://172.20.0.1/hook"))
                    .when().put("/v1/webhooks/" + id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("url")).body("errors.message", hasItem(containsString("172.20.0.1")));

            given().header("Authorization", Tokens.ADMIN).when().get("/v1/webhooks/" + id).then().statusCode(200).body("url", is(receiver.url()));
        }
    }

    @Test
    void aStoredUrlThatNoLongerPassesIsNotSentToAndItsDeliveryFailsAtOnceSayingWhy() {
        // Given a receiver on a loopback address that is not allow-listed, and a subscription whose
        // stored URL points there (as after a DNS change, or stored before the check existed)
        try (WebhookReceiver allowed = WebhookReceiver.answering(200);
                WebhookReceiver elsewhere = WebhookReceiver.listening("127.0.0.2", 200)) {
            String id = subscribe(Map.of("url", allowed.url()));
            String moved = elsewhere.url().replace("http://", "https://");
            pool.preparedQuery("update webhook_subscription set url = $2 where id = $1")
                    .execute(Tuple.of(UUID.fromString(id), moved)).await().atMost(WAIT);

            // When a handoff is made
            String handoffId = Handoffs.create();

            // Then the delivery is failed at its first attempt, with the reason, and never sent
            await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(id, handoffId).getString("status")).isEqualTo("FAILED"));
            JsonPath failed = delivery(id, handoffId);
            assertThat(failed.getInt("attempts")).isEqualTo(1);
            assertThat(failed.getString("lastStatusCode")).isNull();
            assertThat(failed.getString("lastError")).contains("not sent").contains("127.0.0.2").contains("loopback");
            assertThat(elsewhere.count()).isZero();
            assertThat(allowed.count()).isZero();
        }
    }

    private String subscribe(Map<String, Object> request) {
        String id = given().header("Authorization", Tokens.ADMIN).contentType("application/json").body(request)
                .when().post("/v1/webhooks")
                .then().statusCode(201)
                .extract().path("id");
        subscriptions.add(id);
        return id;
    }

    /** The subscription's delivery of event {@code eventId}, as the API shows it. */
    private static JsonPath delivery(String subscription, String eventId) {
        JsonPath deliveries = given().header("Authorization", Tokens.ADMIN).when().get("/v1/webhooks/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath();
        assertThat(deliveries.getList("findAll { it.eventId == '" + eventId + "' }")).hasSize(1);
        return deliveries.setRootPath("find { it.eventId == '" + eventId + "' }");
    }
}
