package io.leadflow.scoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.leadflow.events.EngagementType;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The funnel report, read through the API while leads arrive from the real broker. */
@QuarkusTest
class FunnelReportTest {

    @Test
    void leads_brought_by_a_channel_count_under_it_by_stage_and_week() {
        // given the funnel as it is, an anonymous visitor and two new leads whose first touch is a referral
        int referralsBefore = leadsOf(funnel(), "referral");
        int totalBefore = funnel().getInt("total.leads");
        TestEngagements.send(TestEngagements.anonymous("visitor-" + System.nanoTime(), EngagementType.PAGE_VIEWED, Instant.now(),
                Map.of("attributionChannel", "referral")));
        for (String name : new String[] {"ref-a", "ref-b"}) {
            TestEngagements.send(TestEngagements.with(TestEngagements.uniqueEmail(name), EngagementType.PAGE_VIEWED, Instant.now(),
                    Map.of("url", "https://example.com/", "attributionChannel", "referral")));
        }

        // when they are scored, then the report counts the two leads under referral, as leads of this week
        JsonPath after = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(FunnelReportTest::funnel, report -> leadsOf(report, "referral") >= referralsBefore + 2);
        assertThat(leadsOf(after, "referral")).as("the anonymous visitor is no lead of the funnel").isEqualTo(referralsBefore + 2);
        assertThat(after.getInt("bySource.find { it.key == 'referral' }.byStage.LEAD")).isGreaterThanOrEqualTo(2);
        assertThat(after.getInt("total.leads")).isGreaterThanOrEqualTo(totalBefore + 2);
        assertThat(after.getList("byWeek.key", String.class)).isSorted().isNotEmpty();
        // and the funnel over time ends now with every lead of the report, in the stage it is in now
        assertThat(after.getList("overTime.week", String.class)).isSorted().contains(after.getList("byWeek.key", String.class)
                .toArray(String[]::new));
        Map<String, Integer> lastWeek = after.getMap("overTime[-1].byStage");
        assertThat(lastWeek.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(after.getInt("total.leads"));
        assertThat(lastWeek.get("LEAD")).isEqualTo(after.getInt("total.byStage.LEAD"));
    }

    @Test
    void weeks_out_of_range_are_refused_and_a_sales_rep_may_not_read_it() {
        given().header("Authorization", Tokens.ADMIN).queryParam("weeks", 0).get("/v1/reports/funnel")
                .then().statusCode(400).body("errors[0].field", is("weeks"));
        given().header("Authorization", DevTokens.bearer("rosa", "sales-rep")).get("/v1/reports/funnel")
                .then().statusCode(403).body("detail", containsString("marketing-ops, sales-manager, admin"));
        given().header("Authorization", DevTokens.bearer("mia", "marketing-ops")).get("/v1/reports/funnel")
                .then().statusCode(200);
    }

    private static JsonPath funnel() {
        return given().header("Authorization", Tokens.ADMIN).queryParam("weeks", 2).get("/v1/reports/funnel")
                .then().statusCode(200).extract().jsonPath();
    }

    private static int leadsOf(JsonPath report, String source) {
        Integer leads = report.get("bySource.find { it.key == '%s' }.leads".formatted(source));
        return leads == null ? 0 : leads;
    }
}
