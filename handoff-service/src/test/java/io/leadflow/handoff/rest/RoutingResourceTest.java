package io.leadflow.handoff.rest;

import static io.leadflow.handoff.messaging.StageChanges.qualifiedBy;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.Topics;
import io.leadflow.handoff.Tokens;
import io.leadflow.handoff.messaging.StageChanges;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET/PUT /v1/routing}, and MQLs routed by a stored document. Every document stored here
 * keeps the default queue and rule last, so the other tests' leads are routed as before.
 */
@QuarkusTest
class RoutingResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theDocumentInForceEndsWithTheDefaultRule() {
        given().header("Authorization", Tokens.ADMIN)
                .when().get("/v1/routing")
                .then().statusCode(200)
                .body("rules.name", hasItem("default-round-robin"))
                .body("queues.name", hasItem("default"));
    }

    @Test
    void aDocumentRoutingToAnUnknownQueueIsRefusedNamingTheFieldAndChangesNothing() {
        int before = currentVersion();

        given().header("Authorization", Tokens.ADMIN).contentType("application/json")
                .body(document("", "").replace("\"queue\": \"default\"", "\"queue\": \"nowhere\""))
                .when().put("/v1/routing")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", is("rules[2].route.queue"))
                .body("errors[0].message", containsString("nowhere"));

        assertThat(currentVersion()).isEqualTo(before);
    }

    @Test
    void aValueOfTheWrongTypeOrAnUnknownFieldIsRefusedNamingTheField() {
        given().header("Authorization", Tokens.ADMIN).contentType("application/json")
                .body(document("", "").replace("\"PT4H\"", "\"soon\""))
                .when().put("/v1/routing")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", is("defaultSla.responseTime"));

        given().header("Authorization", Tokens.ADMIN).contentType("application/json")
                .body(document("", "").replace("\"weight\"", "\"wieght\""))
                .when().put("/v1/routing")
                .then().statusCode(400)
                .body("errors[0].field", is("queues[0].members[0].wieght"));
    }

    @Test
    void textPostgresqlCannotStoreIsRefusedNamingTheFieldAndChangesNothing() {
        int before = currentVersion();

        // JSON's \\u0000 in the default queue's name: valid JSON, refused by jsonb
        given().header("Authorization", Tokens.ADMIN).contentType("application/json")
                .body(document("", "").replace("\"queue\": \"default\"", "\"queue\": \"default\\u0000\""))
                .when().put("/v1/routing")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", is("rules[2].route.queue"))
                .body("errors[0].message", containsString("NUL character"));

        assertThat(currentVersion()).isEqualTo(before);
    }

    @Test
    void aStoredDocumentRoutesNamedAccountsAndFillsARepUpToTheirCapacity() {
        // Given a new version with a named account and a territory whose only rep takes one lead at a time
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String domain = "named-" + suffix + ".example";
        String territory = "Z" + suffix;
        int before = currentVersion();
        given().header("Authorization", Tokens.ADMIN).contentType("application/json")
                .body(document(domain, territory))
                .when().put("/v1/routing")
                .then().statusCode(200)
                .body("version", is(before + 1))
                .body("defaultSla.responseTime", is("PT4H"));
        given().header("Authorization", Tokens.ADMIN).when().get("/v1/routing").then().statusCode(200).body("version", is(before + 1));

        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            // When a contact of the named account and two leads of the territory qualify
            String named = send(StageChanges.toMql("cto@" + domain, Map.of("country", "GB")));
            String first = send(StageChanges.toMql(StageChanges.newLeadEmail(), Map.of("country", territory)));
            ReceivedEvent namedEvent = handoffs.awaitEvents(1, qualifiedBy(named), WAIT).get(0);
            ReceivedEvent firstEvent = handoffs.awaitEvents(1, qualifiedBy(first), WAIT).get(0);
            String second = send(StageChanges.toMql(StageChanges.newLeadEmail(), Map.of("country", territory)));
            ReceivedEvent secondEvent = handoffs.awaitEvents(1, qualifiedBy(second), WAIT).get(0);

            // Then the account's owner gets its contact, and the territory's rep only the first lead:
            // at her cap, the second goes to the queue's manager
            assertThat(namedEvent.data().get("assignee").asText()).isEqualTo("ben");
            assertThat(namedEvent.data().get("ruleMatched").asText()).isEqualTo("named-accounts");
            assertThat(firstEvent.data().get("assignee").asText()).isEqualTo("zoe-" + territory);
            assertThat(firstEvent.data().get("ruleMatched").asText()).isEqualTo("territory");
            assertThat(secondEvent.data().get("assignee").asText()).isEqualTo("mia");
        }
    }

    private static String send(LeadStageChanged change) {
        return StageChanges.send(change);
    }

    private static int currentVersion() {
        return given().header("Authorization", Tokens.ADMIN).when().get("/v1/routing").then().statusCode(200).extract().path("version");
    }

    /** A document with a named-account rule and a territory rule before the default rule and queue. */
    private static String document(String domain, String territory) {
        return """
                {
                  "defaultSla": {"responseTime": "PT4H"},
                  "rules": [
                    {"name": "named-accounts", "match": {"emailDomains": ["%1$s"]}, "route": {"rep": "ben"}},
                    {"name": "territory", "match": {"countries": ["%2$s"]}, "route": {"queue": "territory-%2$s"}},
                    {"name": "default-round-robin", "route": {"queue": "default"}}
                  ],
                  "queues": [
                    {"name": "default", "members": [{"rep": "ana", "weight": 1}, {"rep": "ben"}, {"rep": "cleo"}]},
                    {"name": "territory-%2$s", "members": [{"rep": "zoe-%2$s"}], "manager": "mia"}
                  ],
                  "reps": [
                    {"id": "ana"}, {"id": "ben"}, {"id": "cleo"},
                    {"id": "zoe-%2$s", "capacity": 1, "workingHours": null}
                  ]
                }
                """.formatted(domain.isEmpty() ? "unused.example" : domain, territory.isEmpty() ? "ZZ" : territory);
    }
}
