package io.leadflow.handoff.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.leadflow.handoff.Tokens;
import io.leadflow.handoff.messaging.Handoffs;
import io.leadflow.handoff.messaging.StageChanges;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports over known handoffs: six rows written into a day of their own (3 March 2025), so that
 * every figure can be worked out by hand. T is 10:00 that day; each SLA is due at T + 4 h.
 */
@QuarkusTest
class ReportResourceTest {

    private static final Instant T = Instant.parse("2025-03-03T10:00:00Z");
    private static final String DAY = "from=2025-03-03&to=2025-03-04";

    @Inject
    Pool pool;

    @BeforeEach
    void knownHandoffs() {
        if (count() > 0) {
            return;
        }
        Instant future = Instant.now().plus(Duration.ofDays(1));
        // rep, source, status, accepted, first action, escalations, breached, due
        insert("rpt-ana", "google", "QUALIFIED", min(10), min(10), 0, null, T.plus(Duration.ofHours(4)));  // met, 10 min
        insert("rpt-ana", "google", "REJECTED", null, min(30), 0, null, T.plus(Duration.ofHours(4)));      // met, 30 min
        insert("rpt-ana", null, "OFFERED", null, null, 0, T.plus(Duration.ofHours(4)), T.plus(Duration.ofHours(4))); // untouched: breached
        insert("rpt-ben", "google", "ACCEPTED", min(300), min(300), 0, null, T.plus(Duration.ofHours(4))); // late: breached, 5 h
        insert("rpt-ben", "linkedin", "RECYCLED", null, min(360), 1, null, T.plus(Duration.ofHours(10))); // escalated: breached, 6 h
        insert("rpt-cleo", null, "OFFERED", null, null, 0, null, future);                                  // running
    }

    @Test
    void slaComplianceAndTimeToFirstActionInAllAndPerRep() {
        JsonPath report = given().header("Authorization", Tokens.ADMIN).when().get("/v1/reports/sla?" + DAY).then().statusCode(200).extract().jsonPath();

        // 2 met, 3 breached, 1 still running: 2 of 5 decided
        assertThat(report.getInt("total.handoffs")).isEqualTo(6);
        assertThat(report.getInt("total.met")).isEqualTo(2);
        assertThat(report.getInt("total.breached")).isEqualTo(3);
        assertThat(report.getInt("total.running")).isEqualTo(1);
        assertThat(report.getDouble("total.compliancePercent")).isEqualTo(40.0);
        // first actions after 10 min, 30 min, 5 h, 6 h: median halfway between 30 min and 5 h, p90 at 70 % from 5 h to 6 h
        assertThat(report.getString("total.medianTimeToFirstAction")).isEqualTo("PT2H45M");
        assertThat(report.getString("total.p90TimeToFirstAction")).isEqualTo("PT5H42M");

        assertThat(report.getList("byRep.rep")).containsExactly("rpt-ana", "rpt-ben", "rpt-cleo");
        assertThat(report.getDouble("byRep[0].compliancePercent")).isEqualTo(66.7);
        assertThat(report.getString("byRep[0].medianTimeToFirstAction")).isEqualTo("PT20M");
        assertThat(report.getDouble("byRep[1].compliancePercent")).isEqualTo(0.0);
        assertThat(report.getString("byRep[1].medianTimeToFirstAction")).isEqualTo("PT5H30M");
        assertThat(report.getInt("byRep[2].running")).isEqualTo(1);
        assertThat(report.getString("byRep[2].compliancePercent")).isNull();
    }

    @Test
    void acceptRejectRecycleRatesAndConversionInAllPerRepAndPerSource() {
        JsonPath report = given().header("Authorization", Tokens.ADMIN).when().get("/v1/reports/outcomes?" + DAY).then().statusCode(200).extract().jsonPath();

        assertThat(figures(report, "total")).containsExactly(6, 2, 1, 1, 1);
        assertThat(report.getDouble("total.acceptRate")).isEqualTo(33.3);
        assertThat(report.getDouble("total.mqlToSqlConversion")).isEqualTo(16.7);

        assertThat(report.getList("byRep.key")).containsExactly("rpt-ana", "rpt-ben", "rpt-cleo");
        assertThat(figures(report, "byRep[0]")).containsExactly(3, 1, 1, 0, 1);
        assertThat(figures(report, "byRep[1]")).containsExactly(2, 1, 0, 1, 0);
        assertThat(report.getDouble("byRep[1].recycleRate")).isEqualTo(50.0);

        assertThat(report.getList("bySource.key")).containsExactly("google", "linkedin", null);
        assertThat(figures(report, "bySource[0]")).containsExactly(3, 2, 1, 0, 1);
        assertThat(report.getDouble("bySource[0].acceptRate")).isEqualTo(66.7);
        assertThat(report.getDouble("bySource[0].mqlToSqlConversion")).isEqualTo(33.3);
        assertThat(figures(report, "bySource[2]")).containsExactly(2, 0, 0, 0, 0);
    }

    @Test
    void aHandoffCountsUnderTheSourceItsLeadCameFrom() {
        Handoffs.create(StageChanges.toMql(StageChanges.newLeadEmail(), Map.of("country", "GB", "utm_source", "Newsletter")));

        given().header("Authorization", Tokens.ADMIN).when().get("/v1/reports/outcomes").then().statusCode(200).body("bySource.key", hasItem("newsletter"));
    }

    @Test
    void aPeriodThatIsNoneIsRefusedNamingTheParameter() {
        given().header("Authorization", Tokens.ADMIN).when().get("/v1/reports/sla?from=2025-03-04&to=2025-03-03")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("from"));
        given().header("Authorization", Tokens.ADMIN).when().get("/v1/reports/outcomes?to=yesterday")
                .then().statusCode(400).body("errors[0].field", is("to"));
        given().header("Authorization", Tokens.ADMIN).when().get("/v1/reports/outcomes?from=2025-03-05&to=2025-03-06")
                .then().statusCode(200).body("total.handoffs", is(0)).body("total.acceptRate", nullValue());
    }

    private static List<Integer> figures(JsonPath report, String path) {
        return Arrays.asList(report.getInt(path + ".handoffs"), report.getInt(path + ".accepted"), report.getInt(path + ".rejected"),
                report.getInt(path + ".recycled"), report.getInt(path + ".qualified"));
    }

    private static Instant min(long minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    private long count() {
        return pool.preparedQuery("select count(*) from handoff where assignee like 'rpt-%'").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private void insert(String rep, String source, String status, Instant accepted, Instant firstAction, int escalations,
            Instant breached, Instant due) {
        UUID id = UUID.randomUUID();
        String email = "report-" + id + "@example.com";
        pool.preparedQuery("""
                insert into handoff (id, lead_id, lead_key, email, score, assignee, rule_matched, queue, status, sla_due_at, sla_remind_at,
                    sla_reminded_at, sla_breached_at, escalations, qualifying_event_id, top_contributions, created_at, source, accepted_at,
                    first_action_at, status_changed_at)
                values ($1, $2, $3, $3, 70, $4, 'report', 'default', $5, $6, $6, $6, $7, $8, $9, '[]', $10, $11, $12, $13, $13)""")
                .execute(Tuple.from(Arrays.asList(id, UUID.randomUUID(), email, rep, status, at(due), at(breached), escalations,
                        UUID.randomUUID().toString(), at(T), source, at(accepted), at(firstAction))))
                .await().atMost(Duration.ofSeconds(10));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
