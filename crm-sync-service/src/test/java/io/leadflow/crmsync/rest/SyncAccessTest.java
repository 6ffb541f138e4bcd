package io.leadflow.crmsync.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadflow.crmsync.InjectWireMock;
import io.leadflow.crmsync.SyncApi;
import io.leadflow.crmsync.TestHandoffs;
import io.leadflow.crmsync.WireMockTestResource;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.HubSpotSignatureV3;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.persistence.SyncLedger;
import io.leadflow.events.HandoffCreated;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.localinfra.RefusedBearer;
import io.leadflow.problems.Problem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call the sync API (docs/security.md): every endpoint without a token, with each kind of
 * refused token and with each role; a refused call changes nothing (no CRM call, the ledger as it
 * was). HubSpot's webhook stays open: its v3 signature is its authentication. Infrastructure from
 * HandoffSyncTest's resources.
 */
@QuarkusTest
class SyncAccessTest {

    private static final String HUBSPOT_SIGNED_URL = "https://leadflow.example.com/v1/inbound/hubspot";

    /** The sync endpoints, with the roles docs/security.md lets call them. */
    enum Endpoint {
        READ(List.of("marketing-ops", "sales-manager", "admin"),
                (request, handoff) -> request.when().get("/v1/sync/{leadId}", handoff.leadId())),
        RETRY(List.of("admin"),
                (request, handoff) -> request.when().post("/v1/sync/{handoffId}/retry", handoff.handoffId())),
        OPS_CONSUMERS(List.of("admin"), (request, handoff) -> request.when().get("/v1/ops/consumers")),
        OPS_DEAD_LETTERS(List.of("admin"), (request, handoff) -> request.when().get("/v1/ops/dead-letters")),
        // a topic that is not one of the service's dead-letter topics: an admin's call gets past the role check to a 400
        OPS_RETRY(List.of("admin"),
                (request, handoff) -> request.when().post("/v1/ops/dead-letters/{topic}/0/0/retry", "leadflow.handoffs.v1"));

        private final List<String> roles;
        /** Sends the call about a FAILED handoff made for the test. */
        private final BiFunction<RequestSpecification, HandoffCreated, Response> call;

        Endpoint(List<String> roles, BiFunction<RequestSpecification, HandoffCreated, Response> call) {
            this.roles = roles;
            this.call = call;
        }
    }

    @InjectWireMock
    WireMockServer crm;

    @Inject
    SyncLedger ledger;

    @Inject
    ObjectMapper json;

    private HandoffCreated handoff;
    private Map<String, Object> before;

    /** Given a handoff whose retry budget is spent (FAILED, for the webhook target), and its ledger entry. */
    @BeforeEach
    void a_failed_handoff() throws Throwable {
        handoff = TestHandoffs.newLead();
        LeadUpsert lead = LeadUpsert.of(handoff);
        String request = json.writeValueAsString(lead);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> ledger
                .recordFailure(lead, CrmTarget.WEBHOOK, request, "422 owner unknown", Instant.now())
                .flatMap(attempts -> ledger.recordGaveUp(lead, CrmTarget.WEBHOOK, request, Instant.now()))));
        before = entry();
        assertThat(before).containsEntry("status", "FAILED");
    }

    static Stream<Arguments> refusedCalls() {
        return Stream.of(Endpoint.values())
                .flatMap(endpoint -> Stream.of(RefusedBearer.values()).map(refused -> Arguments.of(endpoint, refused)));
    }

    @ParameterizedTest(name = "{0} with {1}: 401")
    @MethodSource("refusedCalls")
    void a_call_without_a_valid_token_is_refused_401_and_changes_nothing(Endpoint endpoint, RefusedBearer refused) {
        // When called without a valid token, then refused saying why
        Response answer = endpoint.call.apply(sent(refused), handoff);

        answer.then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", is(401), "detail", containsString(refused.detail()));
        answer.then().header("WWW-Authenticate", refused.invalidToken()
                ? containsString("error=\"invalid_token\"") : not(containsString("invalid_token")));
        // and nothing changed
        assertUnchanged();
    }

    static Stream<Arguments> callsByRole() {
        return Stream.of(Endpoint.values()).flatMap(endpoint -> Stream.of("marketing-ops", "sales-rep", "sales-manager", "admin")
                .map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("callsByRole")
    void a_role_may_call_what_docs_security_lets_it_and_is_refused_403_otherwise(Endpoint endpoint, String role) {
        // When called with a valid token holding this role alone
        Response answer = endpoint.call.apply(given().header("Authorization", DevTokens.bearer("sam", role)), handoff);

        // Then done if the role may, else refused naming the roles that may, and nothing changed
        if (!endpoint.roles.contains(role)) {
            answer.then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                    .body("status", is(403), "detail", containsString(String.join(", ", endpoint.roles)));
            assertUnchanged();
            return;
        }
        switch (endpoint) {
            case READ -> {
                answer.then().statusCode(200).body("handoffId", contains(handoff.handoffId()), "status", contains("FAILED"));
                assertUnchanged();
            }
            case RETRY -> {
                answer.then().statusCode(200).body("handoffId", is(handoff.handoffId()), "status", is("SYNCED"));
                assertThat(entry()).containsEntry("status", "SYNCED");
                assertThat(crmCalls()).isEqualTo(1);
            }
            case OPS_CONSUMERS -> {
                answer.then().statusCode(200).body("channels.channel", hasItems("handoffs", "erasure"));
                assertUnchanged();
            }
            case OPS_DEAD_LETTERS -> {
                // the CRM dead letters (crm-dead-letters, an outgoing channel) are listed with the consumers' own
                answer.then().statusCode(200).body("topics.topic", hasItems("leadflow.handoffs.v1.dlq", "leadflow.crm-sync.v1.dlq"));
                assertUnchanged();
            }
            case OPS_RETRY -> {
                answer.then().statusCode(400).body("errors.field", contains("topic"));
                assertUnchanged();
            }
        }
    }

    @Test
    void hubspot_calls_back_without_a_jwt_and_is_judged_by_its_signature_alone() {
        String body = "[{\"eventId\":" + ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE) + ",\"subscriptionId\":2001,"
                + "\"portalId\":62515,\"appId\":54321,\"occurredAt\":1763877600000,\"subscriptionType\":\"contact.propertyChange\","
                + "\"attemptNumber\":0,\"objectId\":" + ThreadLocalRandom.current().nextInt(1, 1_000_000) + ",\"changeSource\":\"CRM_UI\","
                + "\"propertyName\":\"lifecyclestage\",\"propertyValue\":\"salesqualifiedlead\"}]";

        // signed, without any Authorization header: taken (a contact Leadflow never handed off is skipped)
        signed(given(), body).post("/v1/inbound/hubspot").then().statusCode(204);
        // a bearer header is not even read there
        signed(given().header("Authorization", "Bearer not-a-jwt"), body).post("/v1/inbound/hubspot").then().statusCode(204);
        // and an admin's JWT does not stand in for the signature
        given().header("Authorization", SyncApi.ADMIN).contentType("application/json").body(body)
                .post("/v1/inbound/hubspot").then().statusCode(401).body("type", containsString("bad-signature"));
    }

    private static RequestSpecification signed(RequestSpecification request, String body) {
        String now = Long.toString(Instant.now().toEpochMilli());
        return request.contentType("application/json").body(body)
                .header(HubSpotSignatureV3.TIMESTAMP_HEADER, now)
                .header(HubSpotSignatureV3.SIGNATURE_HEADER, new HubSpotSignatureV3("test-hubspot-client-secret")
                        .sign("POST", HUBSPOT_SIGNED_URL, body.getBytes(StandardCharsets.UTF_8), now));
    }

    private void assertUnchanged() {
        assertThat(entry()).isEqualTo(before);
        assertThat(crmCalls()).isZero();
    }

    /** The handoff's ledger entry, as an admin reads it. */
    private Map<String, Object> entry() {
        return SyncApi.asAdmin().get("/v1/sync/{leadId}", handoff.leadId())
                .then().statusCode(200).extract().path("find { it.handoffId == '%s' }".formatted(handoff.handoffId()));
    }

    /** The calls the CRM (the webhook receiver) got for the handoff. */
    private int crmCalls() {
        return crm.findAll(postRequestedFor(urlEqualTo(WireMockTestResource.WEBHOOK_PATH))
                .withHeader("Idempotency-Key", equalTo(handoff.handoffId()))).size();
    }

    /** A request carrying the refused credential, if any. */
    private static RequestSpecification sent(RefusedBearer refused) {
        RequestSpecification request = given();
        refused.authorization().ifPresent(authorization -> request.header("Authorization", authorization));
        return request;
    }
}
