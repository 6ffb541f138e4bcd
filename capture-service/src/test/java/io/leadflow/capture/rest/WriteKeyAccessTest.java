package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.leadflow.localinfra.DevTokens;
import io.leadflow.localinfra.RefusedBearer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call the write-key management API (docs/security.md): every endpoint without a token, with
 * each kind of refused token and with each role; a refused call changes nothing. The broker comes
 * from the test resource declared on {@link EventsResourceTest}.
 */
@QuarkusTest
class WriteKeyAccessTest {

    private static final String KEYS = "/v1/admin/write-keys";
    private static final String ADMIN = DevTokens.bearer("ada", "admin");

    /** The management endpoints, with the roles docs/security.md lets call them and their answer then. */
    enum Endpoint {
        LIST(200, List.of("marketing-ops", "admin"), (request, target) -> request.when().get(KEYS)),
        MAKE(201, List.of("admin"), (request, target) -> request.contentType(ContentType.JSON)
                .body("{\"kind\": \"secret\", \"description\": \"access test\"}").when().post(KEYS)),
        REVOKE(204, List.of("admin"), (request, target) -> request.when().delete(KEYS + "/" + target));

        private final int granted;
        private final List<String> roles;
        /** Sends the call; its second argument is the id of a key made for the test to revoke. */
        private final BiFunction<RequestSpecification, String, Response> call;

        Endpoint(int granted, List<String> roles, BiFunction<RequestSpecification, String, Response> call) {
            this.granted = granted;
            this.roles = roles;
            this.call = call;
        }
    }

    private String target;
    private List<String> before;

    /** Given a key a call may revoke, and the keys there are before the call. */
    @BeforeEach
    void a_key_to_revoke() {
        target = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"kind\": \"secret\"}")
                .when().post(KEYS).then().statusCode(201).extract().path("id");
        before = keyIds();
    }

    @AfterEach
    void revoke_the_keys_made() {
        List<String> made = given().header("Authorization", ADMIN).when().get(KEYS)
                .then().extract().path("writeKeys.findAll { it.source == 'api' }.id");
        made.forEach(id -> given().header("Authorization", ADMIN).when().delete(KEYS + "/" + id).then().statusCode(204));
    }

    static Stream<Arguments> refusedCalls() {
        return Stream.of(Endpoint.values())
                .flatMap(endpoint -> Stream.of(RefusedBearer.values()).map(refused -> Arguments.of(endpoint, refused)));
    }

    @ParameterizedTest(name = "{0} with {1}: 401")
    @MethodSource("refusedCalls")
    void a_call_without_a_valid_token_is_refused_401_and_changes_nothing(Endpoint endpoint, RefusedBearer refused) {
        // When called without a valid token, then refused saying why
        endpoint.call.apply(sent(refused), target)
                .then().statusCode(401).contentType(Problems.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", is(401), "detail", containsString(refused.detail()));

        // and no key was made or revoked
        assertThat(keyIds()).containsExactlyElementsOf(before);
    }

    @ParameterizedTest(name = "{0} with the secret write key: 401")
    @EnumSource(Endpoint.class)
    void a_write_key_is_no_bearer_token_and_changes_nothing(Endpoint endpoint) {
        // a write key travels as Basic: no JWT attempt, so the call is as anonymous as one without a header
        endpoint.call.apply(given().auth().preemptive().basic(EventsResourceTest.SECRET_KEY, ""), target)
                .then().statusCode(401).contentType(Problems.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", is(401), "detail", containsString(RefusedBearer.NO_TOKEN.detail()));

        assertThat(keyIds()).containsExactlyElementsOf(before);
    }

    static Stream<Arguments> callsByRole() {
        return Stream.of(Endpoint.values()).flatMap(endpoint -> Stream.of("marketing-ops", "sales-rep", "sales-manager", "admin")
                .map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("callsByRole")
    void a_role_may_call_what_docs_security_lets_it_and_is_refused_403_otherwise(Endpoint endpoint, String role) {
        // When called with a valid token holding this role alone
        Response answer = endpoint.call.apply(given().header("Authorization", DevTokens.bearer("sam", role)), target);

        // Then done if the role may, else refused naming the roles that may, and nothing changed
        if (endpoint.roles.contains(role)) {
            answer.then().statusCode(endpoint.granted);
            List<String> after = keyIds();
            switch (endpoint) {
                case LIST -> assertThat(after).containsExactlyElementsOf(before);
                case MAKE -> assertThat(after).containsAll(before).hasSize(before.size() + 1);
                case REVOKE -> assertThat(after).doesNotContain(target).hasSize(before.size() - 1);
            }
        } else {
            answer.then().statusCode(403).contentType(Problems.MEDIA_TYPE)
                    .body("detail", containsString(String.join(", ", endpoint.roles)));
            assertThat(keyIds()).containsExactlyElementsOf(before);
        }
    }

    @Test
    void the_token_is_checked_before_the_body_is_read() {
        String broken = "{\"kind\": ";
        given().contentType(ContentType.JSON).body(broken).when().post(KEYS).then().statusCode(401);
        given().header("Authorization", DevTokens.bearer("mo", "marketing-ops")).contentType(ContentType.JSON).body(broken)
                .when().post(KEYS).then().statusCode(403);
        // only an admin's call gets as far as the body
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(broken)
                .when().post(KEYS).then().statusCode(400);
    }

    @Test
    void ingestion_is_judged_by_its_write_key_alone_whatever_bearer_token_a_call_carries() {
        // a JWT is read only where a call needs one: an unreadable one does not stop a keyed event
        given().header("Authorization", "Bearer not-a-jwt").contentType(ContentType.JSON)
                .body("{\"writeKey\": \"%s\", \"type\": \"page.viewed\", \"email\": \"%s\"}"
                        .formatted(EventsResourceTest.SECRET_KEY, EventsResourceTest.uniqueEmail()))
                .when().post("/v1/events").then().statusCode(202);
    }

    private static List<String> keyIds() {
        return given().header("Authorization", ADMIN).when().get(KEYS).then().statusCode(200).extract().path("writeKeys.id");
    }

    /** A request carrying the refused credential, if any. */
    private static RequestSpecification sent(RefusedBearer refused) {
        RequestSpecification request = given();
        refused.authorization().ifPresent(authorization -> request.header("Authorization", authorization));
        return request;
    }
}
