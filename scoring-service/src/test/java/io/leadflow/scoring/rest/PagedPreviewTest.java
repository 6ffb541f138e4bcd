package io.leadflow.scoring.rest;

import static io.leadflow.scoring.TestEngagements.send;
import static io.leadflow.scoring.TestEngagements.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.Tokens;
import io.leadflow.scoring.config.ScoringModelJson;
import io.leadflow.scoring.domain.HistoryPageBounds;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.domain.WhatIfTally;
import io.leadflow.scoring.messaging.ModelPreview;
import io.leadflow.scoring.messaging.PreviewJob;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The what-if preview over more leads than a page holds: pages of 3 leads and 5 history events at most, so this
 * module's test database (every lead the other tests left, and a lead here whose history alone is larger than a page)
 * is read in many pages; what it adds up to must be what scoring every lead in one page gives.
 */
@QuarkusTest
@TestProfile(PagedPreviewTest.SmallPages.class)
class PagedPreviewTest {

    /** Small pages, and no preview answered at once over more than one lead. */
    public static class SmallPages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadflow.scoring.preview.page-leads", "3", "leadflow.scoring.page-events", "5",
                    "leadflow.scoring.preview.synchronous-leads", "1");
        }
    }

    private static final String OPS = DevTokens.bearer("mo", "marketing-ops");
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final HistoryPageBounds ONE_PAGE = new HistoryPageBounds(Integer.MAX_VALUE, Long.MAX_VALUE);

    @Inject
    ModelPreview preview;

    @Inject
    ObjectMapper json;

    @Test
    void aPreviewReadInPagesAddsUpToTheWholeAndReportsItsProgress() throws Throwable {
        // given leads with page views on different days, one of them with more events than a page holds
        String hot = uniqueEmail("hot");
        for (int day = 0; day < 7; day++) {
            send(TestEngagements.pageView(hot, "https://example.com/docs/" + day, MONDAY.plus(Duration.ofDays(day)), Map.of()));
        }
        for (int lead = 0; lead < 6; lead++) {
            String email = uniqueEmail("reader-" + lead);
            for (int day = 0; day <= lead % 3; day++) {
                send(TestEngagements.pageView(email, "https://example.com/blog/" + lead, MONDAY.plus(Duration.ofDays(day)), Map.of()));
            }
            awaitLedger(email, lead % 3 + 1);
        }
        awaitLedger(hot, 7);
        // and a candidate that gives page views more points
        ObjectNode candidate = ScoringModelJson.defaultDocument().deepCopy();
        for (JsonNode rule : candidate.withArray("engagementRules")) {
            if (rule.get("id").asText().equals("page-viewed")) {
                ((ObjectNode) rule).put("points", 8);
            }
        }
        LeadScorer scorer = new LeadScorer(0, ScoringModelJson.parse(candidate).model());

        // when it is previewed in small pages, and in one page
        PreviewJob paged = new PreviewJob(5, 0, Instant.now());
        WhatIfTally.Summary inPages = preview.tallyInPages(scorer, paged, new HistoryPageBounds(3, 5));
        WhatIfTally.Summary whole = preview.tallyInPages(scorer, new PreviewJob(5, 0, Instant.now()), ONE_PAGE);

        // then both add up to the same, over many pages, and the leads here moved
        assertThat(inPages).isEqualTo(whole);
        assertThat(whole.leads()).isGreaterThanOrEqualTo(7);
        assertThat(whole.scoreChanges()).isGreaterThanOrEqualTo(7);
        assertThat(paged.progress().pages()).isGreaterThan(whole.leads() / 3);
        assertThat(paged.progress().done()).isEqualTo(whole.leads());

        // when it is started as a job through the API
        ExtractableResponse<Response> started = given().header("Authorization", OPS).contentType(ContentType.JSON)
                .body(TestEngagements.json(candidate)).queryParam("top", 5)
                .when().post("/v1/scoring-model/previews")
                .then().statusCode(202).header("Location", containsString("/v1/scoring-model/previews/")).extract();
        assertThat(started.jsonPath().getLong("total")).isEqualTo(whole.leads());
        String location = started.header("Location");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                !"RUNNING".equals(given().header("Authorization", OPS).get(location).then().statusCode(200).extract().path("status")));

        // then it reports every lead done, and the same result
        JsonNode job = json.readTree(given().header("Authorization", OPS).get(location).then().statusCode(200).extract().asString());
        assertThat(job.get("status").asText()).isEqualTo("DONE");
        assertThat(job.get("done").asLong()).isEqualTo(job.get("total").asLong());
        assertThat(job.get("result")).isEqualTo(json.valueToTree(whole));
    }

    // the lead is counted once it has an entry for each of its page views (a day apart: no cap holds one back)
    private static void awaitLedger(String email, int entries) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var lead = given().header("Authorization", Tokens.ADMIN).queryParam("email", email).get("/v1/leads");
            return lead.statusCode() == 200 && lead.jsonPath().getList("ledger").size() == entries;
        });
    }

    @Test
    void aPreviewAnsweredAtOnceIsRefusedOverMoreLeadsAndUnknownJobsAreNotFound() {
        send(TestEngagements.pageView(uniqueEmail("one"), "https://example.com/", MONDAY, Map.of()));
        send(TestEngagements.pageView(uniqueEmail("two"), "https://example.com/", MONDAY, Map.of()));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            int status = given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON)
                    .body(TestEngagements.json(ScoringModelJson.defaultDocument())).post("/v1/scoring-model/preview").statusCode();
            return status == 409;
        });
        given().header("Authorization", Tokens.ADMIN).contentType(ContentType.JSON).body(TestEngagements.json(ScoringModelJson.defaultDocument()))
                .when().post("/v1/scoring-model/preview")
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("POST /v1/scoring-model/previews"));

        given().header("Authorization", Tokens.ADMIN).when().get("/v1/scoring-model/previews/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", Tokens.ADMIN).when().get("/v1/scoring-model/previews/not-a-job").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("id"));
        given().header("Authorization", DevTokens.bearer("sam", "sales-manager")).when().get("/v1/scoring-model/previews/" + UUID.randomUUID()).then().statusCode(403);
    }
}
