package io.leadflow.handoff.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadflow.events.AccountScored;
import io.leadflow.events.AccountStage;
import io.leadflow.events.AccountStageChanged;
import io.leadflow.events.BuyingRole;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.Topics;
import io.leadflow.handoff.Tokens;
import io.leadflow.testsupport.KafkaTestResource;
import io.leadflow.testsupport.PostgresTestResource;
import io.leadflow.testsupport.TestRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "handoff_test"),
        @ResourceArg(name = "schema", value = "handoff")})
class AccountHandoffTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void anAccountBecomingAnMqaIsHandedToItsNamedOwnerOnce() throws Exception {
        // Given a routing document that names ben as the owner of an account
        String domain = "named-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        given().header("Authorization", Tokens.ADMIN).contentType("application/json").body(document(domain))
                .when().put("/v1/routing").then().statusCode(200);
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        AccountStageChanged mqa = new AccountStageChanged(domain, AccountStage.ENGAGED, AccountStage.MQA, 1, 130, 45, "B",
                List.of(BuyingRole.DECISION_MAKER, BuyingRole.TECHNICAL_EVALUATOR),
                List.of(new AccountStageChanged.Member(UUID.randomUUID().toString(), BuyingRole.DECISION_MAKER, 60),
                        new AccountStageChanged.Member(UUID.randomUUID().toString(), BuyingRole.TECHNICAL_EVALUATOR, 60)),
                "cause-" + UUID.randomUUID(), now);
        AccountScored scored = new AccountScored(domain, 130, 60, 45, "B", mqa.coverage(), 2, AccountStage.MQA, mqa.causeEventId(), now);

        // When the account's score and its MQA arrive, the MQA twice (a redelivery)
        String ceId = UUID.randomUUID().toString();
        TestRecords.sendCloudEvent(Topics.ACCOUNTS, domain, UUID.randomUUID().toString(), AccountScored.TYPE, JSON.writeValueAsString(scored));
        TestRecords.sendCloudEvent(Topics.ACCOUNTS, domain, ceId, AccountStageChanged.TYPE, JSON.writeValueAsString(mqa));
        TestRecords.sendCloudEvent(Topics.ACCOUNTS, domain, ceId, AccountStageChanged.TYPE, JSON.writeValueAsString(mqa));

        // Then the owner holds one handoff of the account, of its own kind, found by the account in any case
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> handoffsOf(domain.toUpperCase()).body("size()", is(1)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> handoffsOf(domain)
                .body("size()", is(1))
                .body("[0].id", is(DeterministicIds.of("handoff", ceId)))
                .body("[0].account", is(domain))
                .body("[0].email", nullValue())
                .body("[0].assignee", is("ben"))
                .body("[0].ruleMatched", is("named-accounts"))
                .body("[0].score", is(130))
                .body("[0].status", is("OFFERED")));
    }

    @Test
    void askingForALeadAndAnAccountAtOnceIsRefusedNamingTheAccount() {
        given().header("Authorization", Tokens.ADMIN).queryParam("email", "ada@example.com").queryParam("account", "example.com")
                .when().get("/v1/handoffs")
                .then().statusCode(400).contentType(containsString("application/problem+json")).body("errors[0].field", is("account"));
    }

    private static ValidatableResponse handoffsOf(String account) {
        return given().header("Authorization", Tokens.ADMIN).queryParam("account", account).when().get("/v1/handoffs").then().statusCode(200);
    }

    // the built-in document (existing owners first, then the default queue, 4 h) and a named account: the tests after
    // this one, in the same application, route as before
    private static String document(String domain) {
        return """
                {
                  "defaultSla": {"responseTime": "PT4H"},
                  "rules": [
                    {"name": "existing-owner", "match": {"existingOwner": true}},
                    {"name": "named-accounts", "match": {"emailDomains": ["%s"]}, "route": {"rep": "ben"}},
                    {"name": "default-round-robin", "route": {"queue": "default"}}
                  ],
                  "queues": [{"name": "default", "members": [{"rep": "ana", "weight": 1}, {"rep": "ben"}, {"rep": "cleo"}]}],
                  "reps": [{"id": "ana"}, {"id": "ben"}, {"id": "cleo"}]
                }
                """.formatted(domain);
    }
}
