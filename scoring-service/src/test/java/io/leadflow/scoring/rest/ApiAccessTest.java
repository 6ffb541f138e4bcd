package io.leadflow.scoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.leadflow.events.EngagementType;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.localinfra.RefusedBearer;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call the leads and scoring-model API (docs/security.md): every endpoint without a token,
 * with each kind of refused token and with each role. A refused call changes nothing: the lead keeps
 * its score, the active model its version. Calls a role may make are sent so that they change
 * nothing either (an invalid model, an unknown version), except the erasure, whose lead is its own.
 */
@QuarkusTest
class ApiAccessTest {

    private static final List<String> EVERY_ROLE = List.of("marketing-ops", "sales-rep", "sales-manager", "admin");
    private static final List<String> LEAD_READERS = List.of("marketing-ops", "sales-manager", "admin");
    private static final String INVALID_MODEL = TestEngagements.json(Map.of("changelog", "no author, no model"));

    /** A lead that the read calls find, made once for the class, and its score then. */
    private static String email;
    private static String leadId;
    private static int score;

    /** The API's endpoints, with the roles docs/security.md lets call them. */
    enum Endpoint {
        // a sales rep reads leads only through their own handoffs, in handoff-service
        LEAD_BY_EMAIL(LEAD_READERS, (request, lead) -> request.queryParam("email", email).get("/v1/leads")),
        LEAD_SCORE(LEAD_READERS, (request, lead) -> request.get("/v1/leads/{id}/score", lead)),
        LEAD_LIFECYCLE(LEAD_READERS, (request, lead) -> request.get("/v1/leads/{id}/lifecycle", lead)),
        // an account lists its leads' emails: the lead readers
        ACCOUNT(LEAD_READERS, (request, lead) -> request.get("/v1/accounts/{account}", "example.com")),
        ERASE(List.of("admin"), (request, lead) -> request.queryParam("reason", "subject request").delete("/v1/leads/{id}", lead)),
        MODEL(List.of("marketing-ops", "sales-manager", "admin"), (request, lead) -> request.get("/v1/scoring-model")),
        VERSIONS(List.of("marketing-ops", "sales-manager", "admin"), (request, lead) -> request.get("/v1/scoring-model/versions")),
        REPLAY_JOB(List.of("marketing-ops", "sales-manager", "admin"),
                (request, lead) -> request.get("/v1/scoring-model/replays/{id}", UUID.randomUUID().toString())),
        PUBLISH(List.of("marketing-ops", "admin"),
                (request, lead) -> request.contentType(ContentType.JSON).body(INVALID_MODEL).put("/v1/scoring-model")),
        PREVIEW(List.of("marketing-ops", "admin"),
                (request, lead) -> request.contentType(ContentType.JSON).body("{}").post("/v1/scoring-model/preview")),
        REPLAY(List.of("marketing-ops", "admin"), (request, lead) -> request.post("/v1/scoring-model/versions/9999/replay")),
        FUNNEL(List.of("marketing-ops", "sales-manager", "admin"), (request, lead) -> request.get("/v1/reports/funnel")),
        OPS_CONSUMERS(List.of("admin"), (request, lead) -> request.get("/v1/ops/consumers")),
        OPS_DEAD_LETTERS(List.of("admin"), (request, lead) -> request.get("/v1/ops/dead-letters")),
        // a topic that is not one of the service's dead-letter topics: an admin's call gets past the role check to a 400
        OPS_RETRY(List.of("admin"), (request, lead) -> request.post("/v1/ops/dead-letters/{topic}/0/0/retry", "leadflow.engagement.v1"));

        private final List<String> roles;
        /** Sends the call about the given lead id. */
        private final BiFunction<RequestSpecification, String, Response> call;

        Endpoint(List<String> roles, BiFunction<RequestSpecification, String, Response> call) {
            this.roles = roles;
            this.call = call;
        }
    }

    private int activeVersion;

    @BeforeEach
    void a_scored_lead_and_the_active_model() {
        if (leadId == null) {
            email = TestEngagements.uniqueEmail("access");
            JsonPath lead = scoredLead(email);
            leadId = lead.getString("id");
            score = lead.getInt("score");
        }
        activeVersion = activeVersion();
    }

    static Stream<Arguments> refusedCalls() {
        return Stream.of(Endpoint.values())
                .flatMap(endpoint -> Stream.of(RefusedBearer.values()).map(refused -> Arguments.of(endpoint, refused)));
    }

    @ParameterizedTest(name = "{0} with {1}: 401")
    @MethodSource("refusedCalls")
    void a_call_without_a_valid_token_is_refused_401_saying_why_and_changes_nothing(Endpoint endpoint, RefusedBearer refused) {
        Response answer = endpoint.call.apply(sent(refused), leadId);

        answer.then().statusCode(401).contentType(containsString("application/problem+json"))
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", is(401), "detail", containsString(refused.detail()));
        answer.then().header("WWW-Authenticate", refused.invalidToken()
                ? containsString("error=\"invalid_token\"") : not(containsString("invalid_token")));
        assertUnchanged();
    }

    static Stream<Arguments> callsByRole() {
        return Stream.of(Endpoint.values()).flatMap(endpoint -> EVERY_ROLE.stream().map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("callsByRole")
    void a_role_may_call_what_docs_security_lets_it_and_is_refused_403_otherwise(Endpoint endpoint, String role) {
        boolean may = endpoint.roles.contains(role);
        // an erasure that is let through erases: give it a lead of its own
        String lead = endpoint == Endpoint.ERASE && may ? newLead() : leadId;

        Response answer = endpoint.call.apply(given().header("Authorization", DevTokens.bearer("sam", role)), lead);

        if (!may) {
            answer.then().statusCode(403).contentType(containsString("application/problem+json"))
                    .body("status", is(403), "detail", containsString(String.join(", ", endpoint.roles)));
            assertUnchanged();
            return;
        }
        ValidatableResponse done = answer.then();
        switch (endpoint) {
            case LEAD_BY_EMAIL -> done.statusCode(200).body("id", is(leadId), "score", is(score));
            case LEAD_SCORE -> done.statusCode(200).body("leadId", is(leadId));
            case LEAD_LIFECYCLE -> done.statusCode(200).body("leadId", is(leadId), "stage", is("LEAD"));
            case ERASE -> {
                done.statusCode(204);
                given().header("Authorization", Tokens.ADMIN).get("/v1/leads/{id}/score", lead).then().statusCode(404);
            }
            case MODEL -> done.statusCode(200).body("version", is(activeVersion));
            case FUNNEL -> done.statusCode(200).body("total.leads", greaterThanOrEqualTo(1));
            case VERSIONS -> done.statusCode(200).body("version", hasItem(activeVersion));
            // past the role check: the unknown job, the invalid model, the unknown version are what is refused
            case REPLAY_JOB, REPLAY -> done.statusCode(404);
            case PUBLISH -> done.statusCode(400).body("errors.field", hasItem("author"));
            case PREVIEW -> done.statusCode(400).body("status", is(400), "errors", not(empty()));
            case OPS_CONSUMERS -> done.statusCode(200).body("channels.channel", hasItem("engagement"));
            case OPS_DEAD_LETTERS -> done.statusCode(200).body("topics.topic", hasItem("leadflow.engagement.v1.dlq"));
            case OPS_RETRY -> done.statusCode(400).body("errors.field", hasItem("topic"));
        }
        if (endpoint != Endpoint.ERASE) {
            assertUnchanged();
        }
    }

    @Test
    void a_sales_rep_reads_no_lead_nor_the_model_unless_another_role_lets_them() {
        String rep = DevTokens.bearer("rosa", "sales-rep");
        for (String path : List.of("/v1/leads/{id}/score", "/v1/leads/{id}/lifecycle")) {
            given().header("Authorization", rep).get(path, leadId).then().statusCode(403).contentType(containsString("application/problem+json"))
                    .body("detail", containsString("marketing-ops, sales-manager, admin"));
        }
        given().header("Authorization", rep).queryParam("email", email).get("/v1/leads").then().statusCode(403);
        given().header("Authorization", rep).get("/v1/scoring-model").then().statusCode(403)
                .body("detail", containsString("marketing-ops, sales-manager, admin"));

        // a rep who is also marketing-ops or a manager reads leads by that role
        for (String other : List.of("marketing-ops", "sales-manager")) {
            given().header("Authorization", DevTokens.bearer("rosa", "sales-rep", other)).queryParam("email", email).get("/v1/leads")
                    .then().statusCode(200).body("id", is(leadId));
        }
    }

    @Test
    void a_valid_es256_token_is_accepted_like_an_rs256_one() {
        given().header("Authorization", DevTokens.bearerEs256("max", "marketing-ops")).get("/v1/leads/{id}/score", leadId)
                .then().statusCode(200).body("leadId", is(leadId));
        given().header("Authorization", DevTokens.bearer("max", "marketing-ops")).get("/v1/leads/{id}/score", leadId)
                .then().statusCode(200).body("leadId", is(leadId));
    }

    private void assertUnchanged() {
        given().header("Authorization", Tokens.ADMIN).queryParam("email", email).get("/v1/leads")
                .then().statusCode(200).body("id", is(leadId), "score", is(score));
        assertThat(activeVersion()).isEqualTo(activeVersion);
    }

    private static int activeVersion() {
        return given().header("Authorization", Tokens.ADMIN).get("/v1/scoring-model").then().statusCode(200).extract().path("version");
    }

    private static String newLead() {
        return scoredLead(TestEngagements.uniqueEmail("erasable")).getString("id");
    }

    /** A lead who opened an email, once the service has scored it (whatever the active model gives an open). */
    private static JsonPath scoredLead(String address) {
        TestEngagements.send(TestEngagements.of(address, EngagementType.EMAIL_OPENED, Instant.now()));
        AtomicReference<JsonPath> lead = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response answer = given().header("Authorization", Tokens.ADMIN).queryParam("email", address).get("/v1/leads");
            lead.set(answer.statusCode() == 200 ? answer.jsonPath() : null);
            return lead.get() != null;
        });
        return lead.get();
    }

    /** A request carrying the refused credential, if any. */
    private static RequestSpecification sent(RefusedBearer refused) {
        RequestSpecification request = given();
        refused.authorization().ifPresent(authorization -> request.header("Authorization", authorization));
        return request;
    }
}
