package io.leadflow.scoring.rest;

import static io.leadflow.scoring.TestEngagements.anonymous;
import static io.leadflow.scoring.TestEngagements.identify;
import static io.leadflow.scoring.TestEngagements.send;
import static io.leadflow.scoring.TestEngagements.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.ErasedKeyHash;
import io.leadflow.events.EngagementType;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.LeadErased;
import io.leadflow.events.LeadKeys;
import io.leadflow.events.Topics;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.TestLeads;
import io.leadflow.scoring.Tokens;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadErasureTest {

    private static final Instant MORNING = Instant.parse("2026-11-22T09:00:00Z");

    @Inject
    ErasedKeyHash keyHash;
    @Inject
    Pool pool;

    private long erasedKeyRows(String... hashes) {
        return pool.preparedQuery("select count(*) from erased_key where key_hash = any($1)").execute(Tuple.of((Object) hashes))
                .await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void anErasedLeadIsGoneEverywhereItIsToldAndLateEventsDoNotBringItBack() {
        try (TopicProbe erasures = TopicProbe.tail(Topics.ERASURE); TopicProbe scores = TopicProbe.tail(Topics.LEAD_SCORES)) {
            // given a visitor who viewed a page, identified as Ada, who then opened an email
            String visitor = "v-" + UUID.randomUUID();
            String email = uniqueEmail("ada");
            send(anonymous(visitor, EngagementType.PAGE_VIEWED, MORNING, Map.of("url", "https://example.com/blog")));
            identify(UUID.randomUUID().toString(), email, visitor, MORNING.plusSeconds(60), Map.of("jobTitle", "VP Sales"));
            String opened = UUID.randomUUID().toString();
            TestEngagements.send(opened, TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(120)));
            String leadId = TestLeads.awaitScore(email, 5 + 3).getString("id");
            // whose scores the feed carries under both her keys
            String visitorKey = LeadKeys.of(null, visitor);
            scores.awaitEvents(1, event -> visitorKey.equals(event.key()) && event.data() != null, Duration.ofSeconds(30));
            scores.awaitEvents(1, event -> email.equals(event.key()) && event.data() != null, Duration.ofSeconds(30));

            // when she asks to be erased, through an operator whose token's subject is dpo-7
            given().header("Authorization", DevTokens.bearer("dpo-7", "admin")).queryParam("reason", "GDPR art. 17 request #4711")
                    .when().delete("/v1/leads/" + leadId)
                    .then().statusCode(204);

            // then the lead is gone from the API
            given().header("Authorization", Tokens.ADMIN).queryParam("email", email).when().get("/v1/leads").then().statusCode(404);
            given().header("Authorization", Tokens.ADMIN).when().get("/v1/leads/" + leadId + "/score").then().statusCode(404);
            // and one valid lead.erased.v2, keyed by the lead's id, tells the other services: her keys (the visitor id
            // merged into her too) only as keyed hashes, her email nowhere in the record; the requester from the token
            ReceivedEvent erased = erasures.awaitEvents(1, event -> leadId.equals(event.key()), Duration.ofSeconds(30)).get(0);
            assertThat(erased.ceType()).isEqualTo(LeadErased.TYPE);
            assertThat(erased.ceId()).isEqualTo(DeterministicIds.of(leadId, "erased"));
            assertThat(EventSchemas.validate(LeadErased.TYPE, erased.data())).isEmpty();
            assertThat(erased.data().get("leadId").asText()).isEqualTo(leadId);
            assertThat(erased.data().get("keyHashes")).extracting(JsonNode::asText).containsExactly(keyHash.of(email), keyHash.of(visitorKey));
            assertThat(erased.data().toString()).doesNotContain(email).doesNotContain(visitor).doesNotContain(ErasedKeyHash.legacy(email));
            assertThat(erased.data().get("requestedBy").asText()).isEqualTo("dpo-7");
            assertThat(erased.data().get("reason").asText()).isEqualTo("GDPR art. 17 request #4711");
            // and the erased keys are kept under the keyed hash, not the guessable SHA-256
            assertThat(erasedKeyRows(keyHash.of(email), keyHash.of(visitorKey))).isEqualTo(2);
            assertThat(erasedKeyRows(ErasedKeyHash.legacy(email), ErasedKeyHash.legacy(visitorKey))).isZero();
            // and the score feed, compacted, gets a tombstone (null value, no CloudEvent) for each of her keys
            List<ReceivedEvent> tombstones = scores.awaitEvents(2,
                    event -> event.value() == null && List.of(email, visitorKey).contains(event.key()), Duration.ofSeconds(30));
            assertThat(tombstones).extracting(ReceivedEvent::key).containsExactlyInAnyOrder(email, visitorKey);
            assertThat(tombstones).allSatisfy(tombstone -> assertThat(tombstone.ceId()).isNull());

            // when her old email open is redelivered, a late event from before the erasure arrives, and then she comes back
            TestEngagements.send(opened, TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(120)));
            send(TestEngagements.of(email, EngagementType.EMAIL_CLICKED, MORNING.plusSeconds(180)));
            String downloaded = send(TestEngagements.of(email, EngagementType.CONTENT_DOWNLOADED, Instant.now().plusSeconds(60)));

            // then only what happened after the erasure counts, for a new lead (same partition: the earlier two came first)
            JsonPath comeback = TestLeads.awaitScore(email, 10);
            assertThat(comeback.getString("id")).isNotEqualTo(leadId);
            assertThat(comeback.getList("ledger.eventId")).containsExactly(downloaded);
            assertThat(comeback.getMap("traits")).isEmpty();
        }
    }

    @Test
    void aKeyErasedBeforeTheHashWasKeyedStillKeepsItsLateEventsOut() {
        // given a lead erased an hour ago, remembered (as before) under the plain SHA-256 of its key
        String email = uniqueEmail("ada-legacy");
        pool.preparedQuery("insert into erased_key (key_hash, erased_at) values ($1, $2)")
                .execute(Tuple.of(ErasedKeyHash.legacy(email), OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)))
                .await().indefinitely();

        // when an event from before its erasure arrives late, then one from after
        send(TestEngagements.of(email, EngagementType.EMAIL_CLICKED, MORNING));
        String downloaded = send(TestEngagements.of(email, EngagementType.CONTENT_DOWNLOADED, Instant.now().plusSeconds(60)));

        // then only the later one counts (same partition: the earlier came first)
        assertThat(TestLeads.awaitScore(email, 10).getList("ledger.eventId")).containsExactly(downloaded);
    }

    @Test
    void anErasureNeedsWhyAndAKnownLeadAndTakesTheRequesterOnlyFromTheToken() {
        // given
        String email = uniqueEmail("grace");
        send(TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING));
        String leadId = TestLeads.awaitScore(email, 3).getString("id");

        // when asked without why, or with a requester of the caller's choosing, then 400 names each and nothing changes
        given().header("Authorization", Tokens.ADMIN).queryParam("reason", " ").queryParam("requestedBy", "someone-else")
                .when().delete("/v1/leads/" + leadId)
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", containsInAnyOrder("requestedBy", "reason"));
        given().header("Authorization", Tokens.ADMIN).queryParam("reason", "request").queryParam("requestedBy", "someone-else")
                .when().delete("/v1/leads/" + leadId)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("requestedBy"));
        TestLeads.awaitScore(email, 3);

        // and an id that is no UUID, or no lead's, is named
        given().header("Authorization", Tokens.ADMIN).queryParam("reason", "request").when().delete("/v1/leads/not-a-uuid")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().header("Authorization", Tokens.ADMIN).queryParam("reason", "request").when().delete("/v1/leads/" + UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }
}
