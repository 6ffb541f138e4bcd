package io.leadflow.handoff.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.handoff.Tokens;
import io.leadflow.handoff.messaging.Handoffs;
import io.leadflow.handoff.messaging.StageChanges;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.localinfra.RefusedBearer;
import io.leadflow.problems.Problem;
import io.leadflow.testsupport.ReceivedEvent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what (docs/security.md's endpoint table): every endpoint without a token, with each
 * kind of refused token and with each role alone; a refused call changes nothing.
 */
@QuarkusTest
class ApiAccessTest {

    private static final List<String> ROLES = List.of("marketing-ops", "sales-rep", "sales-manager", "admin");
    private static final List<String> READERS = List.of("sales-rep", "sales-manager", "marketing-ops", "admin");
    private static final List<String> SALES = List.of("sales-rep", "sales-manager", "admin");
    private static final List<String> ANALYSTS = List.of("marketing-ops", "sales-manager", "admin");
    private static final List<String> ADMINS = List.of("admin");
    private static final String QUIET_HOOK = "{\"url\": \"http://127.0.0.1:9/access-test\", \"reps\": [\"nobody-access-test\"]}";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Target shared;

    @TestHTTPResource("/")
    URI root;

    /** What a call acts on: a handoff (its lead's email), a webhook and one of its secrets. */
    record Target(String handoffId, String email, String webhookId, String secretId) {
    }

    /** What a call answered. */
    record Answer(int status, String contentType, String challenge, String body) {
    }

    /** An endpoint, the roles docs/security.md lets call it and its answer then. */
    enum Endpoint {
        LIST_HANDOFFS(200, READERS),
        STREAM(200, READERS),
        ACCEPT(200, SALES),
        QUALIFY(200, SALES),
        REJECT(200, SALES),
        RECYCLE(200, SALES),
        GET_ROUTING(200, ANALYSTS),
        PUT_ROUTING(200, List.of("sales-manager", "admin")),
        SLA_REPORT(200, ANALYSTS),
        OUTCOME_REPORT(200, ANALYSTS),
        CREATE_WEBHOOK(201, ADMINS),
        LIST_WEBHOOKS(200, ADMINS),
        GET_WEBHOOK(200, ADMINS),
        UPDATE_WEBHOOK(200, ADMINS),
        DELETE_WEBHOOK(204, ADMINS),
        DELIVERIES(200, ADMINS),
        // no delivery exists to redeliver: an admin's call gets past the access check to the lookup
        REDELIVER(404, ADMINS),
        ROTATE_SECRET(200, ADMINS),
        RETIRE_SECRET(204, ADMINS),
        OPS_CONSUMERS(200, ADMINS),
        OPS_DEAD_LETTERS(200, ADMINS),
        // a topic that is not one of the service's dead-letter topics: an admin's call gets past the role check to a 400
        OPS_RETRY(400, ADMINS);

        private final int granted;
        private final List<String> roles;

        Endpoint(int granted, List<String> roles) {
            this.granted = granted;
            this.roles = roles;
        }
    }

    static Stream<Arguments> refusedCalls() {
        return Stream.of(Endpoint.values()).flatMap(endpoint -> Stream.of(RefusedBearer.values()).map(refused -> Arguments.of(endpoint, refused)));
    }

    @ParameterizedTest(name = "{0} with {1}: 401")
    @MethodSource("refusedCalls")
    void a_call_without_a_valid_token_is_refused_401_saying_why_and_changes_nothing(Endpoint endpoint, RefusedBearer refused) {
        // Given a handoff, a webhook and the state of everything a call could change
        Target target = sharedTarget();
        Map<String, Object> before = state(target);

        // When called without a valid token
        Answer answer = call(endpoint, refused.authorization().orElse(null), "max", target);

        // Then refused, saying why, and nothing changed
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.challenge()).startsWith("Bearer");
        assertThat(answer.body()).contains(refused.detail());
        assertThat(state(target)).isEqualTo(before);
    }

    static Stream<Arguments> callsByRole() {
        return Stream.of(Endpoint.values()).flatMap(endpoint -> ROLES.stream().map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("callsByRole")
    void a_role_may_call_what_the_table_lets_it_and_is_refused_403_otherwise(Endpoint endpoint, String role) {
        if (endpoint.roles.contains(role)) {
            // Given something of the caller's own to act on (a rep's own handoff)
            Target target = freshTarget();
            String caller = role.equals("sales-rep") ? assigneeOf(target) : "sam";

            // When called with a token holding this role alone, then done
            Answer answer = call(endpoint, DevTokens.bearer(caller, role), caller, target);
            assertThat(answer.status()).as(answer.body()).isEqualTo(endpoint.granted);
        } else {
            Target target = sharedTarget();
            Map<String, Object> before = state(target);

            // When called with a token holding this role alone, then refused naming the roles that may
            Answer answer = call(endpoint, DevTokens.bearer("sam", role), "sam", target);
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
            assertThat(answer.body()).contains(String.join(", ", endpoint.roles));
            assertThat(state(target)).isEqualTo(before);
        }
    }

    /** The webhooks a call made go again (but the shared one), so runs on the same database do not pile them up. */
    @AfterEach
    void delete_the_webhooks_made() {
        List<String> made = given().header("Authorization", Tokens.ADMIN).get("/v1/webhooks").then().statusCode(200)
                .extract().path("findAll { it.url.endsWith('/access-test') }.id");
        made.stream().filter(id -> shared == null || !id.equals(shared.webhookId()))
                .forEach(id -> given().header("Authorization", Tokens.ADMIN).delete("/v1/webhooks/" + id).then().statusCode(204));
    }

    private Answer call(Endpoint endpoint, String authorization, String caller, Target target) {
        RequestSpecification request = given().contentType("application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        String hook = "/v1/webhooks/" + target.webhookId();
        io.restassured.response.Response response = switch (endpoint) {
            case LIST_HANDOFFS -> request.queryParam("email", target.email()).get("/v1/handoffs");
            case STREAM -> null;
            case ACCEPT -> request.post("/v1/handoffs/" + target.handoffId() + "/accept");
            case QUALIFY -> request.post("/v1/handoffs/" + target.handoffId() + "/qualify");
            case REJECT -> request.body("{\"reasonCode\": \"access-test\"}").post("/v1/handoffs/" + target.handoffId() + "/reject");
            case RECYCLE -> request.body("{\"reasonCode\": \"access-test\"}").post("/v1/handoffs/" + target.handoffId() + "/recycle");
            case GET_ROUTING -> request.get("/v1/routing");
            case PUT_ROUTING -> request.body(routing()).put("/v1/routing");
            case SLA_REPORT -> request.get("/v1/reports/sla");
            case OUTCOME_REPORT -> request.get("/v1/reports/outcomes");
            case CREATE_WEBHOOK -> request.body(QUIET_HOOK).post("/v1/webhooks");
            case LIST_WEBHOOKS -> request.get("/v1/webhooks");
            case GET_WEBHOOK -> request.get(hook);
            case UPDATE_WEBHOOK -> request.body(QUIET_HOOK).put(hook);
            case DELETE_WEBHOOK -> request.delete(hook);
            case DELIVERIES -> request.get(hook + "/deliveries");
            case REDELIVER -> request.post(hook + "/deliveries/" + UUID.randomUUID() + "/redeliver");
            case ROTATE_SECRET -> request.post(hook + "/secrets");
            case RETIRE_SECRET -> request.delete(hook + "/secrets/" + target.secretId());
            case OPS_CONSUMERS -> request.get("/v1/ops/consumers");
            case OPS_DEAD_LETTERS -> request.get("/v1/ops/dead-letters");
            case OPS_RETRY -> request.post("/v1/ops/dead-letters/leadflow.lifecycle.v1/0/0/retry");
        };
        if (response == null) {
            // a rep streams their own events, the others a queue's
            return stream(authorization, caller.equals("sam") || caller.equals("max") ? "queue=default" : "rep=" + caller);
        }
        return new Answer(response.statusCode(), response.contentType(), response.header("WWW-Authenticate"), response.asString());
    }

    /** Opens the live stream and reads its answer's head (and a refusal's body); a granted stream is closed at once. */
    private Answer stream(String authorization, String query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve("/v1/handoffs/stream?" + query)).header("Accept", "text/event-stream");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<InputStream> answer = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                String text = answer.statusCode() == 200 ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                        answer.headers().firstValue("WWW-Authenticate").orElse(null), text);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Target sharedTarget() {
        synchronized (ApiAccessTest.class) {
            if (shared == null) {
                shared = freshTarget();
            }
            return shared;
        }
    }

    /** A new handoff of a new lead and a new webhook with two live secrets (so one may be retired). */
    private static Target freshTarget() {
        String email = StageChanges.newLeadEmail();
        ReceivedEvent created = Handoffs.create(StageChanges.toMql(email));
        String webhookId = given().header("Authorization", Tokens.ADMIN).contentType("application/json").body(QUIET_HOOK)
                .post("/v1/webhooks").then().statusCode(201).extract().path("id");
        String secretId = given().header("Authorization", Tokens.ADMIN).contentType("application/json").post("/v1/webhooks/" + webhookId + "/secrets")
                .then().statusCode(200).extract().path("id");
        return new Target(created.ceId(), email, webhookId, secretId);
    }

    private static String assigneeOf(Target target) {
        return given().header("Authorization", Tokens.ADMIN).queryParam("email", target.email()).get("/v1/handoffs")
                .then().statusCode(200).extract().path("[0].assignee");
    }

    private static String routing() {
        return given().header("Authorization", Tokens.ADMIN).get("/v1/routing").then().statusCode(200).extract().asString();
    }

    /** Everything a call could change: the handoff, the routing version, the webhooks and the target's secrets. */
    private static Map<String, Object> state(Target target) {
        return Map.of(
                "handoff", given().header("Authorization", Tokens.ADMIN).queryParam("email", target.email()).get("/v1/handoffs")
                        .then().statusCode(200).extract().path("[0].status"),
                "routing", given().header("Authorization", Tokens.ADMIN).get("/v1/routing").then().statusCode(200).extract().path("version"),
                "webhooks", given().header("Authorization", Tokens.ADMIN).get("/v1/webhooks").then().statusCode(200).extract().path("id"),
                "secrets", given().header("Authorization", Tokens.ADMIN).get("/v1/webhooks/" + target.webhookId())
                        .then().statusCode(200).extract().path("secrets.id"));
    }

}
