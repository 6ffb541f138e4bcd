package io.leadflow.scoring.persistence;

import static io.leadflow.scoring.TestEngagements.send;
import static io.leadflow.scoring.TestEngagements.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.domain.HistoryHorizon;
import io.leadflow.scoring.TestLeads;
import io.leadflow.scoring.Tokens;
import io.leadflow.testsupport.KafkaTestResource;
import io.leadflow.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "scoring_test"),
        @ResourceArg(name = "schema", value = "scoring")})
class HistoryPartitionsTest {

    @Inject
    Pool pool;

    @Inject
    HistoryPartitions partitions;

    @Test
    void anEventPastTheHorizonIsRetiredWithItsMonthWhileTheScoreAsCountedStays() {
        // given a demo request made 30 months ago (before the two years that have their own months: kept in the default
        // partition) and an email opened now
        String email = uniqueEmail("grete");
        Instant longAgo = Instant.now().minus(30 * 31, ChronoUnit.DAYS);
        String old = send(TestEngagements.of(email, EngagementType.DEMO_REQUESTED, longAgo));
        String recent = send(TestEngagements.of(email, EngagementType.EMAIL_OPENED, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        await(() -> partitionOf("lead_event", recent) != null && partitionOf("lead_event", old) != null);
        int score = TestLeads.lead(email).getInt("score");
        assertThat(partitionOf("lead_event", old)).isEqualTo("lead_event_default");
        assertThat(partitionOf("score_entry", old)).isEqualTo("score_entry_default");

        // when its month's partitions are made, the default partitions' rows of that month move in
        LocalDate month = longAgo.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        pool.preparedQuery("select history_month($1)").execute(Tuple.of(month)).await().indefinitely();
        String monthPartition = "lead_event_" + month.toString().substring(0, 7).replace('-', '_');
        assertThat(partitionOf("lead_event", old)).isEqualTo(monthPartition);

        // and when the partitions are kept in step with a 13-month horizon
        List<String> dropped = partitions.maintain(new HistoryHorizon(13, 2)).await().indefinitely();

        // then that month went whole, history and ledger, and this month's event stays in its own month's partition
        assertThat(dropped).contains(monthPartition, "score_entry_" + monthPartition.substring("lead_event_".length()));
        assertThat(partitionOf("lead_event", old)).isNull();
        assertThat(partitionOf("score_entry", old)).isNull();
        assertThat(partitionOf("lead_event", recent)).isEqualTo("lead_event_" + LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7).replace('-', '_'));
        // the lead keeps its score as counted; its ledger shows what is kept
        JsonPath lead = TestLeads.lead(email);
        assertThat(lead.getInt("score")).isEqualTo(score);
        assertThat(lead.getList("ledger.eventId")).containsExactly(recent);

        // erased, so that other tests' fresh re-scores of every lead meet no lead whose history lost what it counted
        given().header("Authorization", Tokens.ADMIN).queryParam("reason", "test clean-up")
                .when().delete("/v1/leads/" + lead.getString("id")).then().statusCode(204);
    }

    @Test
    void theComingMonthsExistAheadOfTheirEvents() {
        // when the partitions are kept in step
        partitions.maintain().await().indefinitely();

        // then the month after next has its partitions, history and ledger
        LocalDate afterNext = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(2);
        String suffix = afterNext.toString().substring(0, 7).replace('-', '_');
        assertThat(exists("lead_event_" + suffix)).isTrue();
        assertThat(exists("score_entry_" + suffix)).isTrue();
    }

    private String partitionOf(String table, String eventId) {
        var rows = pool.preparedQuery("select tableoid::regclass::text from " + table + " where event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getString(0);
    }

    private boolean exists(String table) {
        return pool.preparedQuery("select to_regclass($1) is not null").execute(Tuple.of(table)).await().indefinitely()
                .iterator().next().getBoolean(0);
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(condition);
    }
}
