package io.leadflow.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** Reads leads through the service's own API. */
public final class TestLeads {

    private TestLeads() {
    }

    /** The lead with this email as the API shows it now. */
    public static JsonPath lead(String email) {
        return given().header("Authorization", Tokens.ADMIN).queryParam("email", email).get("/v1/leads").then().statusCode(200).extract()
                .jsonPath();
    }

    /**
     * Waits until the lead with this email has {@code score}, and answers the lead as the API shows it. Generous:
     * the first test after start also waits for the consumer to join its group on a busy machine.
     */
    public static JsonPath awaitScore(String email, int score) {
        return awaitLead(email, lead -> lead.getInt("score") == score);
    }

    /** The lead as soon as its ledger holds an entry of event {@code eventId}. */
    public static JsonPath awaitLedgerEntry(String email, String eventId) {
        return awaitLead(email, lead -> lead.getList("ledger.eventId").contains(eventId));
    }

    private static JsonPath awaitLead(String email, Predicate<JsonPath> wanted) {
        AtomicReference<JsonPath> lead = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().header("Authorization", Tokens.ADMIN).queryParam("email", email).get("/v1/leads");
            if (response.statusCode() != 200) {
                return false;
            }
            lead.set(response.jsonPath());
            return wanted.test(lead.get());
        });
        return lead.get();
    }
}
